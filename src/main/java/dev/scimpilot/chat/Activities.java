package dev.scimpilot.chat;

import com.microsoft.bot.schema.Activity;
import java.util.IllformedLocaleException;
import java.util.Locale;

/**
 * Sanity limits on an inbound activity before the SDK sees it. Teams never sends ids this long or
 * locales that are not BCP 47 tags; an activity that does is not from Teams and gets a 400.
 */
final class Activities {

    static final int MAX_ID = 500;

    private Activities() {}

    /** What is wrong with the activity, or null when it is acceptable. A bad locale is dropped, not refused. */
    static String malformed(Activity activity) {
        if (activity.getConversation() == null || activity.getConversation().getId() == null
                || activity.getConversation().getId().isBlank() || activity.getServiceUrl() == null) {
            return "conversation or service URL missing"; // Teams always sends both; without them there is no one to answer
        }
        if (tooLong(activity.getConversation().getId())) {
            return "conversation id too long";
        }
        if (tooLong(activity.getServiceUrl()) || tooLong(activity.getReplyToId()) || tooLong(activity.getId())) {
            return "id or service URL too long";
        }
        if (activity.getFrom() != null && (tooLong(activity.getFrom().getId()) || tooLong(activity.getFrom().getAadObjectId()))) {
            return "sender id too long";
        }
        if (activity.getLocale() != null) {
            try {
                new Locale.Builder().setLanguageTag(activity.getLocale());
            } catch (IllformedLocaleException e) {
                activity.setLocale(null); // the SDK would throw on it later; the bot does not need it
            }
        }
        return null;
    }

    private static boolean tooLong(String s) {
        return s != null && s.length() > MAX_ID;
    }
}
