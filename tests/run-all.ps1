# The project's tests, as README's second command runs them: the library's unit and integration tests
# (including end-to-end runs of the harness against local servers and the reference platform), then
# calibration when available. Ends with one line "N passed, N failed, N skipped" summing every test run.
param([Parameter(Mandatory)][string]$Root, [Parameter(Mandatory)][string]$Cli)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$results = Join-Path $Root 'artifacts/test-results'
if (Test-Path $results) { Remove-Item -Recurse -Force $results }
New-Item -ItemType Directory -Force $results | Out-Null
$clock = [Diagnostics.Stopwatch]::StartNew()

$passed = 0; $failed = 0; $skipped = 0

Write-Host 'Running the tests of the library, probes, judges, targets and reports...'
& dotnet test (Join-Path $Root 'tests/KubeRaya.Conformance.Tests/KubeRaya.Conformance.Tests.csproj') -c Release --no-build `
    --logger "junit;LogFilePath=$results/tests.junit.xml" --logger 'console;verbosity=minimal' 2>&1 |
    ForEach-Object { if ($_ -match '^\s*((Failed|Skipped)\b|Passed!|Failed!)|error') { Write-Host $_ } }
$testExit = $LASTEXITCODE

foreach ($file in Get-ChildItem $results -Filter '*.junit.xml') {
    [xml]$xml = Get-Content $file.FullName
    foreach ($suite in $xml.SelectNodes('//testsuite')) {
        $total = [int]$suite.tests
        $f = [int]$suite.failures + [int]$suite.errors
        $s = [int]$suite.skipped
        $passed += $total - $f - $s; $failed += $f; $skipped += $s
    }
}
if ($testExit -ne 0 -and $failed -eq 0) {
    # The test host died or the logger wrote nothing: count that as a failure, never as silence.
    $failed += 1
    Write-Host 'The test run ended abnormally (no failures reported but a non-zero exit code).'
}

$calibration = Join-Path $Root 'fixtures/calibration'
if (Test-Path $calibration) {
    Write-Host 'Running calibration: the clean reference platform and every fault...'
    $calDir = Join-Path $Root 'artifacts/calibration'
    & dotnet $Cli calibrate --report-dir $calDir
    $calExit = $LASTEXITCODE
    $calFile = Join-Path $calDir 'calibration.json'
    if (Test-Path $calFile) {
        $cal = Get-Content $calFile -Raw | ConvertFrom-Json
        foreach ($fault in $cal.faults) {
            if ($fault.verdict -eq 'caught') { $passed++ } else { $failed++; Write-Host "  calibration: fault $($fault.fault) $($fault.verdict)" }
        }
    } else {
        $failed++
        Write-Host "  calibration wrote no calibration.json (exit $calExit)"
    }
}

Write-Host ("Test run took {0:0} s" -f $clock.Elapsed.TotalSeconds)
Write-Host "$passed passed, $failed failed, $skipped skipped"
if ($failed -gt 0) { exit 1 }
exit 0
