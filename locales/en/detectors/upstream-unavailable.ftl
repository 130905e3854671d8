# upstream-unavailable: a reverse proxy could not reach its upstream.

# What the upstream did, as the proxy's error log says.
upstream-unavailable-refused = refused connections
upstream-unavailable-unreachable = was unreachable
upstream-unavailable-connect-timeout = did not accept connections in time
upstream-unavailable-read-timeout = did not answer in time
upstream-unavailable-reset = reset connections
upstream-unavailable-closed-early = closed connections before answering
upstream-unavailable-no-live-upstreams = had no live server left
upstream-unavailable-not-resolved = does not resolve
upstream-unavailable-failed = failed
# One of the above ($reason) and how many errors said it.
upstream-unavailable-reason-count = { $reason } ({ $count })
# Joins two of them, or one and the rest of a list.
upstream-unavailable-and = { $first } and { $rest }

upstream-unavailable-the-upstream = the upstream
# $owner is the container or process behind the address.
upstream-unavailable-upstream-of = upstream { $upstream } ({ $owner })
upstream-unavailable-upstream = upstream { $upstream }
# $upstream is one of the three messages above, $reasons what it did.
upstream-unavailable-cause = { $upstream } { $reasons }
# $status is the HTTP status and its reason phrase, e.g. 502 Bad Gateway.
upstream-unavailable-answered-status = { $status } { $count } times

# $answered lists upstream-unavailable-answered-status; $cause is upstream-unavailable-cause.
upstream-unavailable-title-answered-cause = { $service } answered { $answered }: { $cause }
upstream-unavailable-title-answered = { $service } answered { $answered }
upstream-unavailable-title-cause = { $service } could not reach its upstream ({ $errors } errors): { $cause }
upstream-unavailable-title = { $service } could not reach its upstream

upstream-unavailable-fix-owner = Fix { $owner }, the upstream { $service } cannot reach (see its root cause).
upstream-unavailable-fix-upstream = Make upstream { $upstream } answer again, or point { $service } at the right address.
upstream-unavailable-find-upstream = Find which upstream { $service } cannot reach, and make it answer again.
upstream-unavailable-step-owner = See the state and the latest output of { $owner }.
upstream-unavailable-step-ask = Ask the upstream directly, as { $service } does, bypassing the proxy.
upstream-unavailable-step-config = Check that { $service } points at the address the service really listens on.
