package com.draftorders.cart;

import com.draftorders.messaging.ServiceApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CartServiceApplication {

    public static void main(String[] args) {
        ServiceApplication.run(CartServiceApplication.class, "cart-service", args);
    }
}
