/**
 * What a live source observed: real pods, EndpointSlices, DNS answers, CoreDNS's state and
 * NetworkPolicies. Each observation is either seen or unavailable with a reason (a missing
 * permission, a source that cannot see it), so that checks can skip with that reason.
 */
package dev.clusterctl.observe;
