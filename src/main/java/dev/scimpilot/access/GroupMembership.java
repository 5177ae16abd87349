package dev.scimpilot.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.microsoft.graph.core.tasks.PageIterator;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.UserCollectionResponse;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.checkmembergroups.CheckMemberGroupsPostRequestBody;
import dev.scimpilot.entra.GraphClients;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Group entries of the access lists, read in the MSP's own tenant ({@code scimpilot.access.directory-tenant})
 * with Graph and cached briefly, so that adding someone to the "SCIM Pilot Technicians" group in Entra is all
 * an administrator has to do. Without a directory tenant, the lists hold user ids only and Graph is never asked.
 */
@Component
public class GroupMembership {

    private static final Logger log = LoggerFactory.getLogger(GroupMembership.class);
    /** Graph's limit for one checkMemberGroups call. */
    private static final int CHECK_BATCH = 20;

    private final AccessProperties properties;
    private final GraphClients graph;
    /** user id → the configured ids that are groups the user is (transitively) a member of. */
    private final Cache<String, Set<String>> memberOf;
    /** configured id → the users in it when it is a group (empty list when it is a user id, or an empty group). */
    private final Cache<String, List<String>> usersIn;

    public GroupMembership(AccessProperties properties, GraphClients graph) {
        this.properties = properties;
        this.graph = graph;
        this.memberOf = Caffeine.newBuilder().expireAfterWrite(properties.membershipCache()).maximumSize(10_000).build();
        this.usersIn = Caffeine.newBuilder().expireAfterWrite(properties.membershipCache()).maximumSize(1_000).build();
    }

    public boolean enabled() {
        return !properties.directoryTenant().isEmpty();
    }

    /**
     * Which of {@code candidateIds} are groups that {@code userId} is a member of (nested groups count).
     * Empty when group lookups are off; {@link MembershipUnavailable} when Graph cannot answer, so that callers
     * refuse rather than guess.
     */
    public Set<String> groupsOf(String userId, List<String> candidateIds) {
        if (!enabled() || userId == null || candidateIds.isEmpty()) {
            return Set.of();
        }
        String key = userId.toLowerCase(Locale.ROOT);
        Set<String> cached = memberOf.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        Set<String> found = lookUp(key, candidateIds);
        memberOf.put(key, found);
        return found;
    }

    /**
     * The user ids behind the configured entries: user ids as they are, groups expanded to their users (for
     * @mentions and card refresh lists, which take people, not groups). A group Graph cannot read is left out.
     */
    public List<String> users(List<String> configuredIds) {
        Set<String> out = new LinkedHashSet<>();
        for (String id : configuredIds) {
            if (!enabled()) {
                out.add(id);
                continue;
            }
            List<String> members = usersIn.get(id, this::transitiveUsers);
            if (members.isEmpty()) {
                out.add(id); // a user id (or an empty group: a mention of it then simply reaches nobody)
            } else {
                out.addAll(members);
            }
        }
        return List.copyOf(out);
    }

    private Set<String> lookUp(String userId, List<String> candidateIds) {
        Set<String> found = new LinkedHashSet<>();
        List<String> others = candidateIds.stream().filter(id -> !id.equals(userId)).distinct().toList();
        try {
            for (int i = 0; i < others.size(); i += CHECK_BATCH) {
                var body = new CheckMemberGroupsPostRequestBody();
                body.setGroupIds(new ArrayList<>(others.subList(i, Math.min(others.size(), i + CHECK_BATCH))));
                var response = client().users().byUserId(userId).checkMemberGroups().post(body);
                if (response != null && response.getValue() != null) {
                    response.getValue().forEach(g -> found.add(g.toLowerCase(Locale.ROOT)));
                }
            }
        } catch (ODataError e) {
            if (e.getResponseStatusCode() == 404) {
                return Set.of(); // not a user of the MSP's tenant (a guest from elsewhere): member of nothing
            }
            log.warn("Could not read group memberships of {} in the MSP tenant: {} {}", userId,
                    e.getResponseStatusCode(), e.getMessage());
            throw new MembershipUnavailable(e);
        } catch (RuntimeException e) {
            log.warn("Could not read group memberships of {} in the MSP tenant: {}", userId, e.toString());
            throw new MembershipUnavailable(e);
        }
        return Set.copyOf(found);
    }

    private List<String> transitiveUsers(String groupId) {
        try {
            GraphServiceClient g = client();
            UserCollectionResponse first = g.groups().byGroupId(groupId).transitiveMembers().graphUser().get(rc -> {
                rc.queryParameters.select = new String[]{"id"};
                rc.queryParameters.top = 999;
            });
            List<String> ids = new ArrayList<>();
            new PageIterator.Builder<User, UserCollectionResponse>().client(g).collectionPage(first)
                    .collectionPageFactory(UserCollectionResponse::createFromDiscriminatorValue)
                    .processPageItemCallback(u -> ids.add(u.getId().toLowerCase(Locale.ROOT)))
                    .build().iterate();
            return List.copyOf(ids);
        } catch (ODataError e) {
            if (e.getResponseStatusCode() != 404) {
                log.warn("Could not read the members of group {} in the MSP tenant: {}", groupId, e.getMessage());
            }
            return List.of(); // 404: the id is a user's, not a group's
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Could not read the members of group {} in the MSP tenant: {}", groupId, e.toString());
            return List.of();
        }
    }

    private GraphServiceClient client() {
        return graph.forTenant(properties.directoryTenant());
    }

    /** Graph could not say whether someone is in a group: access is refused, with this as the reason. */
    public static final class MembershipUnavailable extends RuntimeException {
        MembershipUnavailable(Throwable cause) {
            super("group membership could not be read", cause);
        }
    }

    static Optional<String> unavailableMessage() {
        return Optional.of("I could not check your group membership in Entra just now, so I cannot let you do that. "
                + "Please try again in a minute; if it keeps happening, an administrator should check that SCIM Pilot "
                + "may read group memberships (GroupMember.Read.All) in the MSP's own tenant.");
    }
}
