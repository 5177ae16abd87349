package dev.scimpilot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** SCIM Pilot: Teams chat-ops bot that runs the NinjaOne SCIM runbook for an MSP's client tenants. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ScimPilotApplication {

    public static void main(String[] args) {
        SpringApplication.run(ScimPilotApplication.class, args);
    }
}
