package com.draftorders.cart.domain;

/** A postal address; the cart uses only its country and province, to find the tax rate. */
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
        String phone) {

    public static Address of(String countryCode, String provinceCode) {
        return new Address(null, null, null, null, null, null, provinceCode, countryCode, null, null);
    }

    boolean hasCountry() {
        return countryCode != null && !countryCode.isBlank();
    }
}
