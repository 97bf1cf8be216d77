@cert
Feature: Certificates
  The guidance: "Server identity verification", "Ingress simply consumes the certificate", "Store
  certificates as Secrets" and "Rotate certificates before expiration". The certificate a host serves
  names that host, chains to the expected CA, is valid with room to renew, is strong, comes from the
  Ingress's own kubernetes.io/tls Secret, and can be rotated without a failed request.

  @KR-CERT-01 @endpoint @deploy
  Scenario: The certificate names the host it is served for
    Given the public hosts of the target
    When each host is reached over HTTPS with its name as SNI
    Then the certificate served for each host names that host by a DNS subjectAltName

  @KR-CERT-02 @endpoint @deploy
  Scenario: The served chain leads to the expected CA
    Given the public hosts of the target
    When each host is reached over HTTPS with its name as SNI
    Then the chain served for each host leads to the run's CA bundle using only the certificates the host sent

  @KR-CERT-03 @endpoint @deploy
  Scenario: The certificate is within its validity window
    Given the public hosts of the target
    When each host is reached over HTTPS with its name as SNI
    Then the certificate served for each host is valid now

  @KR-CERT-04 @endpoint @deploy
  Scenario: The certificate leaves room to renew
    Given the public hosts of the target
    When each host is reached over HTTPS with its name as SNI
    Then the certificate served for each host has more than the renewal window left

  @KR-CERT-05 @endpoint @deploy
  Scenario: Keys, signatures and the leaf profile are strong
    Given the public hosts of the target
    When each host is reached over HTTPS with its name as SNI
    Then the certificate served for each host has a strong key and signature and a leaf profile

  @KR-CERT-06 @deploy
  Scenario: The ingress serves the certificate stored in the Ingress's Secret
    Given an app deployed behind an Ingress with a certificate from the run's CA
    When the app is requested over HTTPS through the ingress
    Then the certificate served is the one in the Ingress's Secret, not one held by a pod

  @KR-CERT-07 @deploy
  Scenario: A replaced certificate is served without a failed request
    Given an app deployed behind an Ingress with a certificate from the run's CA
    When the Secret is replaced with a new certificate while the app is probed continuously
    Then the new certificate is served within the rotation timeout and no probe failed

  @KR-CERT-08 @deploy
  Scenario: Certificates live in kubernetes.io/tls Secrets
    Given an app deployed behind an Ingress with a certificate from the run's CA
    When the app's Kubernetes objects are read back from the cluster
    Then every TLS secretName resolves to a kubernetes.io/tls Secret and no PEM material sits elsewhere
