@ext
Feature: Extended capabilities
  Reported as supported or unsupported; never fails a run. The guidance: "Combine with
  authentication" and "Rate limiting (if supported)".

  @KR-EXT-01 @endpoint @deploy @extended
  Scenario: TLS 1.3 is offered
    Given the public hosts of the target
    When each host is offered only TLS 1.3
    Then each host that supports it completes a TLS 1.3 handshake

  @KR-EXT-02 @endpoint @deploy @extended
  Scenario: HTTP/2 is offered through ALPN
    Given the public hosts of the target
    When each host is reached over HTTPS with its name as SNI
    Then each host that supports it selects h2 through ALPN

  @KR-EXT-03 @deploy @extended
  Scenario: The ingress can require basic authentication
    Given an app deployed behind an Ingress that requires basic authentication
    When the app is requested over HTTPS without and with credentials
    Then it answers 401 without credentials and 200 with them

  @KR-EXT-04 @deploy @extended
  Scenario: The ingress can limit the request rate
    Given an app deployed behind an Ingress with a request rate limit
    When a bounded burst of requests exceeds the limit
    Then some requests are answered 429 or 503
