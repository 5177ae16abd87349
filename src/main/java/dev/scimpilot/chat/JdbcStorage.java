package dev.scimpilot.chat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.microsoft.bot.builder.Storage;
import com.microsoft.bot.builder.StoreItem;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Bot SDK's {@link Storage} on the application database (the SDK only ships an in-memory one), so
 * conversation state survives restarts and is shared by replicas. Same contract as the SDK's
 * MemoryStorage: values keep their type, {@link StoreItem}s get optimistic concurrency by eTag.
 */
@Component
public class JdbcStorage implements Storage {

    /** Types are only ever loaded from these packages: the type name comes from the database. */
    private static final List<String> LOADABLE = List.of("dev.scimpilot.", "com.microsoft.bot.", "java.util.");

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .findAndRegisterModules();
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    public JdbcStorage(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<Map<String, Object>> read(String[] keys) {
        if (keys == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("keys cannot be null"));
        }
        try {
            Map<String, Object> found = new HashMap<>();
            for (String key : keys) {
                jdbc.sql("SELECT type_name, document FROM bot_state WHERE state_key = ?")
                        .param(key)
                        .query((rs, i) -> readValue(rs.getString(1), rs.getString(2)))
                        .optional()
                        .ifPresent(v -> found.put(key, v));
            }
            return CompletableFuture.completedFuture(found);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Void> write(Map<String, Object> changes) {
        if (changes == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("changes cannot be null"));
        }
        try {
            tx.executeWithoutResult(status -> changes.forEach(this::writeOne));
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Void> delete(String[] keys) {
        if (keys == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("keys cannot be null"));
        }
        for (String key : keys) {
            jdbc.sql("DELETE FROM bot_state WHERE state_key = ?").param(key).update();
        }
        return CompletableFuture.completedFuture(null);
    }

    private void writeOne(String key, Object value) {
        String newETag = UUID.randomUUID().toString();
        ObjectNode document = mapper.valueToTree(value);
        String expectedETag = null;
        if (value instanceof StoreItem item) {
            document.put("eTag", newETag);
            expectedETag = item.getETag();
        }
        String json = document.toString();
        String type = value.getClass().getName();
        Timestamp now = Timestamp.from(clock.instant());
        boolean guarded = expectedETag != null && !expectedETag.isEmpty() && !"*".equals(expectedETag);
        int updated = guarded
                ? jdbc.sql("UPDATE bot_state SET etag = ?, type_name = ?, document = ?, updated_at = ? WHERE state_key = ? AND etag = ?")
                        .params(newETag, type, json, now, key, expectedETag).update()
                : jdbc.sql("UPDATE bot_state SET etag = ?, type_name = ?, document = ?, updated_at = ? WHERE state_key = ?")
                        .params(newETag, type, json, now, key).update();
        if (updated > 0) {
            return;
        }
        if (guarded && exists(key)) {
            throw new IllegalStateException("eTag conflict for state key " + key + ": it was changed by someone else");
        }
        try {
            jdbc.sql("INSERT INTO bot_state (state_key, etag, type_name, document, updated_at) VALUES (?, ?, ?, ?, ?)")
                    .params(key, newETag, type, json, now).update();
        } catch (DuplicateKeyException e) {
            throw new IllegalStateException("Concurrent write to state key " + key, e);
        }
    }

    private boolean exists(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM bot_state WHERE state_key = ?").param(key).query(Integer.class).single() > 0;
    }

    private Object readValue(String typeName, String json) {
        if (LOADABLE.stream().noneMatch(typeName::startsWith)) {
            throw new IllegalStateException("Refusing to load stored state of type " + typeName);
        }
        try {
            Class<?> type = Class.forName(typeName);
            return mapper.readValue(json, type);
        } catch (ClassNotFoundException | java.io.IOException e) {
            throw new IllegalStateException("Cannot read stored state of type " + typeName, e);
        }
    }
}
