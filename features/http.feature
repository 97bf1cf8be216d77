@http
Feature: HTTP to HTTPS
  The guidance: "Redirect HTTP → HTTPS" and "Prefer HTTPS-only endpoints". Plain HTTP answers only
  with a permanent redirect to the same URL over HTTPS, and HTTPS responses tell browsers to stay there.

  @KR-HTTP-01 @endpoint @deploy
  Scenario: Plain HTTP redirects permanently to the same URL over HTTPS
    Given the public hosts of the target
    When each host is requested over plain HTTP at a random path and query
    Then each host answers with a permanent redirect to the same host, path and query over HTTPS

  @KR-HTTP-02 @endpoint @deploy
  Scenario: HTTPS responses carry a long-lived HSTS header
    Given the public hosts of the target
    When each host is requested over HTTPS at a random path and query
    Then each response carries Strict-Transport-Security with a max-age of at least 180 days
