@ux
Feature: A real browser
  The guidance: "Encrypted communication (HTTPS)". What a person sees is what matters: a browser that
  trusts only the run's CA types the plain address and lands on the secure page without a warning.

  @KR-UX-01 @endpoint @deploy
  Scenario: A browser typing the plain address ends on the secure page
    Given the public hosts of the target
    When a headless Chromium trusting only the run's CA opens http://host/ for each host
    Then each navigation ends on https://host/ without a certificate error and a screenshot is kept
