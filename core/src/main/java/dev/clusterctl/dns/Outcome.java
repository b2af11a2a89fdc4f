package dev.clusterctl.dns;

/**
 * What one exchange came to, in the terms the retry rules of a {@link ResolverMode} need: a
 * response (with its status and rcode) or the kind of failure.
 *
 * @param kind the kind of outcome
 * @param status the status shown for it
 * @param rcode the response code ({@code -1} without a response)
 */
record Outcome(Kind kind, Status status, int rcode) {

  /** The kinds of outcome the retry rules tell apart. */
  enum Kind {
    /** A DNS response to our question, whatever its rcode. */
    RESPONSE,
    /** Nothing within the wait. */
    TIMEOUT,
    /** The port is closed (ICMP port unreachable, TCP connection refused). */
    PORT_CLOSED,
    /** No route to the server. */
    UNREACHABLE,
    /** Bytes that are not a DNS message. */
    UNDECODABLE,
    /** A message with another ID than the query's. */
    WRONG_ID,
    /** A response whose question section is not our question (RFC 5452 section 9.1). */
    WRONG_QUESTION,
    /** A message that is not a response to a standard query (QR unset, another opcode). */
    NOT_A_RESPONSE,
    /** The server closed the TCP connection before the answer was complete. */
    CLOSED,
    /** Any other network failure. */
    OTHER
  }
}
