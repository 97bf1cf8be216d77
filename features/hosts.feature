@host
Feature: Host and path scoping
  The guidance: "Limit exposed paths and hosts", "Using Wildcard or Overly Broad Rules" and
  "Accidental exposure of services". Only the declared hosts and paths reach an application; anything
  else meets the default backend, and no unrouted name is answered with a tenant's certificate.

  @KR-HOST-01 @endpoint @deploy
  Scenario: Requests for unknown hosts reach no application
    Given the public hosts of the target
    When the ingress is sent requests with unrouted Host names, without SNI, with random SNI and by IP address
    Then every such request is answered 404 or 421 without any application content

  @KR-HOST-02 @endpoint @deploy
  Scenario: Handshakes for unknown names get no tenant's certificate
    Given the public hosts of the target
    When the ingress is sent TLS handshakes with an unrouted SNI and without SNI
    Then no certificate served to them names a tenant host

  @KR-HOST-03 @deploy
  Scenario: Only declared paths reach the backend
    Given an app deployed behind an Ingress that declares only some paths
    When paths outside the declared ones are requested over HTTPS
    Then each undeclared path is answered 404 by the default backend, not by the app

  @KR-HOST-04 @deploy
  Scenario: No Ingress uses a wildcard or catch-all rule
    Given an app deployed behind an Ingress with a certificate from the run's CA
    When the app's Kubernetes objects are read back from the cluster
    Then no Ingress rule has an empty or wildcard host and no default backend points at an app

  @KR-HOST-05 @deploy
  Scenario: Each host and path is claimed by one Ingress only
    Given an app deployed behind an Ingress with a certificate from the run's CA
    When the app's Kubernetes objects are read back from the cluster
    Then no two Ingresses in any namespace claim the same host and path
