package com.draftorders.order.domain;

/** A shipping or billing address, as the draft carried it. */
public record Address(
        String firstName,
        String lastName,
        String company,
        String address1,
        String address2,
        String city,
        String provinceCode,
        String countryCode,
        String zip,
        String phone) {}
