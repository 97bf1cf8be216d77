@tls
Feature: TLS at the ingress
  The guidance: "TLS should always be enabled for public services", "TLS termination belongs at the
  Ingress layer" and "Pods do not need public certificates". Every public host answers over HTTPS,
  with modern protocol versions and strong cipher suites only, and the ingress, not the app, holds TLS.

  @KR-TLS-01 @endpoint @deploy
  Scenario: Every public host is served over HTTPS
    Given the public hosts of the target
    When each host is reached over HTTPS with its name as SNI
    Then each host completes a TLS handshake and answers an HTTP request

  @KR-TLS-01 @deploy
  Scenario: Every host the app's Ingresses route is listed in a TLS entry
    Given an app deployed behind an Ingress with a certificate from the run's CA
    When the app's Kubernetes objects are read back from the cluster
    Then every rule host of the app's Ingresses is listed in a tls entry that names a Secret

  @KR-TLS-02 @deploy
  Scenario: TLS terminates at the ingress and the backend receives plain HTTP
    Given an app deployed behind an Ingress with a certificate from the run's CA
    When the app is requested over HTTPS through the ingress
    Then the backend reports plain HTTP forwarded for HTTPS, under the certificate of the Ingress's Secret

  @KR-TLS-03 @endpoint @deploy
  Scenario: Only TLS 1.2 and TLS 1.3 are accepted
    Given the public hosts of the target
    When each host is offered SSL 3.0, TLS 1.0 and TLS 1.1 in raw ClientHello records
    Then each host negotiates TLS 1.2 or 1.3 with a modern client and refuses every legacy version

  @KR-TLS-04 @endpoint @deploy
  Scenario: Only strong cipher suites are accepted
    Given the public hosts of the target
    When each host is offered only weak cipher suites in raw ClientHello records
    Then each host negotiates a forward-secret AEAD suite with a modern client and refuses every weak offer
