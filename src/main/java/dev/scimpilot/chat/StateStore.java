package dev.scimpilot.chat;

import com.microsoft.bot.builder.Storage;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Typed access to the bot's database-backed storage for state that spans several turns (drafts, open
 * questions), so any replica can pick up the next click. Never for secrets.
 */
@Component
public class StateStore {

    private final Storage storage;

    public StateStore(Storage storage) {
        this.storage = storage;
    }

    public void save(String key, Object value) {
        storage.write(Map.of(key, value)).join();
    }

    public <T> Optional<T> find(String key, Class<T> type) {
        Object value = storage.read(new String[] {key}).join().get(key);
        return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
    }

    public void delete(String key) {
        storage.delete(new String[] {key}).join();
    }
}
