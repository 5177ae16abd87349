package dev.scimpilot.cards;

import java.util.List;

/**
 * Data of {@code cards/expiry-list.json}: every client's SCIM token expiry and SAML signing certificate expiry (a row
 * each; {@code certificates} counts the certificate rows), soonest first (at most
 * {@link #MAX_ROWS} rows; {@code more} counts the rest), and the download link of the {@code .ics} calendar
 * ({@code calendarUrl} "" when there is none). Rows emit {@code client.show}.
 */
public record ExpiryListCard(int total, int more, int certificates, String calendarUrl, String linkExpires, List<Row> clients) {

    /** Keeps the card well below Teams' 28 KB limit; the calendar has every client. */
    public static final int MAX_ROWS = 30;

    /**
     * One expiry: {@code what} "SCIM token" or "SAML signing certificate", {@code expiresOn} as shown ("03 Dec 2026" or
     * "unknown"), {@code daysText} "in 5 days" etc.
     */
    public record Row(String clientId, String clientName, String what, String expiresOn, int daysLeft, String daysText) {}

    public static ExpiryListCard of(List<Row> all, String calendarUrl, String linkExpires) {
        List<Row> shown = all.subList(0, Math.min(all.size(), MAX_ROWS));
        int certificates = (int) all.stream().filter(r -> r.what().equals(ExpiryReminderCard.SAML_CERTIFICATE)).count();
        return new ExpiryListCard(all.size(), all.size() - shown.size(), certificates, calendarUrl, linkExpires, List.copyOf(shown));
    }
}
