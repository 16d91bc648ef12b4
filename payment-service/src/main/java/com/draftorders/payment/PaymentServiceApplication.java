package com.draftorders.payment;

import com.draftorders.messaging.ServiceApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PaymentServiceApplication {

    public static void main(String[] args) {
        ServiceApplication.run(PaymentServiceApplication.class, "payment-service", args);
    }
}
