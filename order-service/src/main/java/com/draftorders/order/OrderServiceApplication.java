package com.draftorders.order;

import com.draftorders.messaging.ServiceApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class OrderServiceApplication {

    public static void main(String[] args) {
        ServiceApplication.run(OrderServiceApplication.class, "order-service", args);
    }
}
