@priv
Feature: Private backends
  The guidance: "Keep backend services private (ClusterIP)", "Using NodePort Instead of Ingress",
  "Backend services remain private" and "Public exposure is explicit". Apps are reachable only through
  the ingress.

  @KR-PRIV-01 @deploy
  Scenario: Services behind an Ingress are ClusterIP
    Given an app deployed behind an Ingress with a certificate from the run's CA
    When the app's Kubernetes objects are read back from the cluster
    Then every Service behind the Ingress is ClusterIP without external IPs and none exposes the app's pods on a node port

  @KR-PRIV-02 @deploy
  Scenario: Pods and ClusterIPs cannot be reached from outside the cluster
    Given an app deployed behind an Ingress with a certificate from the run's CA
    When the harness tries TCP connections to each pod IP and ClusterIP of the app
    Then every connection fails

  @KR-PRIV-03 @deploy
  Scenario: Apps use no host networking
    Given an app deployed behind an Ingress with a certificate from the run's CA
    When the app's Kubernetes objects are read back from the cluster
    Then no pod of the app uses hostNetwork or a hostPort
