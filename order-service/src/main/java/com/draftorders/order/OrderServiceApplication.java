package com.draftorders.order;

import com.draftorders.messaging.ServiceApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

@SpringBootApplication
@EnableConfigurationProperties(OrderProperties.class)
public class OrderServiceApplication {

    public static void main(String[] args) {
        ServiceApplication.run(OrderServiceApplication.class, "order-service", args);
    }
}
