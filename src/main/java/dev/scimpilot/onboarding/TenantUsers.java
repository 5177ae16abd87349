package dev.scimpilot.onboarding;

import com.microsoft.graph.core.tasks.PageIterator;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.UserCollectionResponse;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.util.ArrayList;
import java.util.List;

/** Reads the users runbook step 1's rule starts from: those with Exchange Online (Plan 1) enabled (graph-api.md §2). */
public final class TenantUsers {

    static final String LICENSED_FILTER = "assignedPlans/any(a:a/servicePlanId eq " + MembershipRule.EXCHANGE_ONLINE_PLAN_1
            + " and a/capabilityStatus eq 'Enabled')";

    private TenantUsers() {}

    /** All licensed users, every page; the two-condition lambda is an advanced query (header + $count). */
    public static List<DirectoryUser> licensed(GraphServiceClient g) {
        UserCollectionResponse first = g.users().get(rc -> {
            rc.queryParameters.filter = LICENSED_FILTER;
            rc.queryParameters.select = DirectoryUser.SELECT;
            rc.queryParameters.count = true;
            rc.queryParameters.top = 999;
            rc.headers.add("ConsistencyLevel", "eventual");
        });
        List<DirectoryUser> users = new ArrayList<>();
        if (first.getOdataNextLink() == null) {
            first.getValue().forEach(u -> users.add(DirectoryUser.of(u)));
            return users;
        }
        try {
            new PageIterator.Builder<User, UserCollectionResponse>().client(g).collectionPage(first)
                    .collectionPageFactory(UserCollectionResponse::createFromDiscriminatorValue)
                    .requestConfigurator(ri -> {
                        ri.headers.add("ConsistencyLevel", "eventual"); // nextLink pages are advanced queries too
                        return ri;
                    })
                    .processPageItemCallback(u -> users.add(DirectoryUser.of(u)))
                    .build().iterate();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not page through the users of the tenant", e);
        }
        return users;
    }
}
