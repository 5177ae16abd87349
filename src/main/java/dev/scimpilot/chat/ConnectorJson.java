package dev.scimpilot.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;

/**
 * JSON for connector calls: the SDK's own Jackson set-up (non-null fields, field access, its date and byte
 * serialisers) without its "flattening" serialiser. That serialiser wraps every bean serialiser and turns each value
 * into a tree first, to support {@code @JsonFlatten} properties of Azure models; no Bot Framework schema type has
 * one, so it only doubled the cost of every reply (a whole card, in the {@code /api/messages} profile).
 * {@code ConnectorJsonTests} pins that the JSON sent is the same.
 */
final class ConnectorJson extends JacksonAdapter {

    static final ConnectorJson ADAPTER = new ConnectorJson();

    private ConnectorJson() {}

    @Override
    public ObjectMapper serializer() {
        return simpleMapper();
    }
}
