package dev.scimpilot.cards;

import java.time.LocalDate;
import java.util.List;

/**
 * Data of {@code cards/client-list.json}: one page of the client registry (the runbook's "Client Registry"
 * table). Rows emit {@code client.show}; the pager emits {@code client.page} with the page number.
 */
public record ClientListCard(int total, int page, int pageCount, boolean hasPrevious, boolean hasNext,
        List<Row> clients) {

    /** Rows per page: keeps the card far below Teams' 28 KB limit. */
    public static final int PAGE_SIZE = 20;

    /**
     * One client; {@code tokenDaysLeft} colours the expiry; {@code status} is the last health check in a few words
     * ("✖ unhealthy", "not checked"), {@code statusColor} an Adaptive Card colour.
     */
    public record Row(String clientId, String clientName, String ninjaOrgId, String emailDomain,
            LocalDate tokenExpiresOn, int tokenDaysLeft, String status, String statusColor) {}

    /** Page {@code page} (1-based) of {@code all}. */
    public static ClientListCard page(List<Row> all, int page) {
        int pageCount = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(page, 1), pageCount);
        int from = (current - 1) * PAGE_SIZE;
        List<Row> rows = all.subList(Math.min(from, all.size()), Math.min(from + PAGE_SIZE, all.size()));
        return new ClientListCard(all.size(), current, pageCount, current > 1, current < pageCount, List.copyOf(rows));
    }
}
