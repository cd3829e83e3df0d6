package org.opportune.benchmark;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A user moving an opportunity over REST: {@code POST /opportunities/{no}/updates {"action": ...}}, with If-Match when
 * it shares the opportunity with others; after a 412 it reads the opportunity again.
 */
final class RestMoveClient implements MoveClient {
    private final RestApi api;
    private final Route route;
    private final boolean ifMatch;
    private final String path;

    RestMoveClient(RestApi api, Route route, boolean ifMatch) {
        this.api = api;
        this.route = route;
        this.ifMatch = ifMatch;
        this.path = "opportunities/" + route.opportunityNo() + "/updates";
    }

    @Override
    public Outcome move() throws Exception {
        String action = route.action();
        RestApi.Answer answer = api.post(path, "{\"action\":\"" + action + "\"}",
                ifMatch ? "\"" + route.version() + "\"" : null);
        if (answer.status() == 200) {
            refreshFrom(answer.json());
            return Outcome.MOVED;
        }
        if (ifMatch && answer.status() == 412) {
            RestApi.Answer current = api.get("opportunities/" + route.opportunityNo());
            if (current.status() != 200) {
                throw new IllegalStateException("GET " + route.opportunityNo() + " answered " + current.status()
                        + ": " + current.body());
            }
            refreshFrom(current.json());
            return Outcome.CONFLICT;
        }
        // our view of the opportunity may be wrong now: read it before the next move
        RestApi.Answer current = api.get("opportunities/" + route.opportunityNo());
        if (current.status() == 200) {
            refreshFrom(current.json());
        }
        throw new IllegalStateException(action + " " + route.opportunityNo() + " answered " + answer.status() + ": "
                + answer.body());
    }

    private void refreshFrom(JsonNode opportunity) {
        route.refreshed(opportunity.path("currentStage").asInt(), opportunity.path("version").asLong());
    }
}
