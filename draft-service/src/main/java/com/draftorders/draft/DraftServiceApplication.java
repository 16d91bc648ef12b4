package com.draftorders.draft;

import com.draftorders.messaging.ServiceApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
@org.springframework.boot.context.properties.EnableConfigurationProperties(DraftProperties.class)
public class DraftServiceApplication {

    public static void main(String[] args) {
        ServiceApplication.run(DraftServiceApplication.class, "draft-service", args);
    }
}
