package com.draftorders.stack;

import com.draftorders.messaging.ServiceApplication;
import java.util.Arrays;

/**
 * Runs one service in a JVM of its own (the stack's process mode, used where a service must be killed abruptly).
 * Arguments: the application class, the service name, then the service's own arguments.
 */
public final class ServiceMain {

    private ServiceMain() {}

    public static void main(String[] args) throws ClassNotFoundException {
        Class<?> application = Class.forName(args[0]);
        ServiceApplication.run(application, args[1], Arrays.copyOfRange(args, 2, args.length));
    }
}
