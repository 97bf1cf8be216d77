# KubeRaya.Conformance: the one entry point for people and CI. See README.md for every parameter.
# Exit codes: 0 conformant, 1 non-conformant, 2 usage or configuration error, 3 the run could not complete.
# Parameters are taken as text and checked by the harness itself, so that bad input gets one clear line.
param(
    [string]$Target,
    [string]$Address,
    [string]$HttpPort,
    [string]$HttpsPort,
    [string[]]$Hosts,
    [string]$CaBundle,
    [string]$ReportDir,
    [string[]]$Tags,
    [string]$RenewalDays,
    [string]$Kubeconfig,
    [string]$Context,
    [string]$IngressClass,
    [string]$IngressAddress,
    [string]$Namespace,
    [string]$Path,
    [string]$Fault,
    [string]$KindConfig,
    [string]$Controller,
    [string]$VerifyReport,
    [switch]$Serve,
    [switch]$Calibrate,
    [switch]$Test,
    [switch]$KeepOnFailure,
    [switch]$KeepCluster,
    [switch]$WhatIf,
    [switch]$SkipBuild,
    [switch]$SkipPackages
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = $PSScriptRoot

function Fail([int]$code, [string]$line) {
    [Console]::Error.WriteLine("run-tests.ps1: $line")
    exit $code
}

if ($args.Count -gt 0) {
    Fail 2 "unknown parameter or argument '$($args[0])': see README.md for the parameters"
}

# Debian packages the harness drives: nginx (reference platform and test servers), Chromium's headless shell (KR-UX-01;
# the full browser is the fallback, and the tests hold both to the same checks),
# certutil (the browser's private trust store), iproute2 (network namespaces), openssl.
function Install-Packages {
    $wanted = @(
        @{ Package = 'nginx-light'; Probe = '/usr/sbin/nginx' },
        @{ Package = 'libnginx-mod-stream'; Probe = '/usr/lib/nginx/modules/ngx_stream_module.so' },
        @{ Package = 'chromium'; Probe = '/usr/lib/chromium/chromium' },
        @{ Package = 'chromium-headless-shell'; Probe = '/usr/lib/chromium/chromium-headless-shell' },
        @{ Package = 'libnss3-tools'; Probe = '/usr/bin/certutil' },
        @{ Package = 'iproute2'; Probe = '/usr/sbin/ip' },
        @{ Package = 'openssl'; Probe = '/usr/bin/openssl' }
    )
    $missing = @($wanted | Where-Object { -not (Test-Path $_.Probe) } | ForEach-Object { $_.Package })
    if ($missing.Count -eq 0) { return }
    if ((& id -u) -ne '0') {
        Fail 3 "missing Debian packages: $($missing -join ' '); install them with: sudo apt-get install -y $($missing -join ' ')"
    }
    Write-Host "Installing Debian packages: $($missing -join ' ')"
    $env:DEBIAN_FRONTEND = 'noninteractive'
    & apt-get update -qq 2>&1 | Out-Null
    & apt-get install -y -qq --no-install-recommends @missing 2>&1 | Out-Null
    if ($LASTEXITCODE -ne 0) { Fail 3 "apt-get could not install: $($missing -join ' '); install them by hand and run again" }
    # Debian starts nginx as a service on install; the harness runs its own instances only.
    if (Test-Path /usr/sbin/service) { & /usr/sbin/service nginx stop 2>&1 | Out-Null }
}

function Build-Harness {
    Write-Host 'Building KubeRaya.Conformance (Release)...'
    $log = & dotnet build (Join-Path $root 'KubeRaya.Conformance.sln') -c Release -nologo -clp:ErrorsOnly -v q 2>&1
    if ($LASTEXITCODE -ne 0) {
        $log | Select-Object -Last 20 | ForEach-Object { [Console]::Error.WriteLine($_) }
        Fail 3 'the build failed (errors above)'
    }
}

# The echo backend every pod of the reference platform runs, compiled ahead of time: it starts in a tenth of the CPU
# time of the JIT build. Optional: without a C toolchain (clang, zlib1g-dev) the pods run the JIT build, just slower.
$nativeEcho = Join-Path $root 'artifacts/echo-native/kuberaya-echo'
function Publish-NativeEcho {
    $toolchain = @(Get-ChildItem /usr/bin -Filter 'clang*' -ErrorAction SilentlyContinue | Where-Object Name -match '^clang(-\d+)?$').Count -gt 0 -and (Test-Path /usr/include/zlib.h)
    if (-not $toolchain -and -not $SkipPackages -and (& id -u) -eq '0') {
        $env:DEBIAN_FRONTEND = 'noninteractive'
        & apt-get update -qq 2>&1 | Out-Null
        & apt-get install -y -qq --no-install-recommends clang zlib1g-dev 2>&1 | Out-Null
    }
    # A second attempt for the build only (one publish in a fresh clone failed for a reason not kept); never for a verdict.
    foreach ($attempt in 1, 2) {
        $log = & dotnet publish (Join-Path $root 'src/KubeRaya.Conformance.Echo/KubeRaya.Conformance.Echo.csproj') -c Release -r linux-x64 `
            -p:PublishAot=true -o (Split-Path $nativeEcho) -nologo -clp:ErrorsOnly -v q 2>&1
        if ($LASTEXITCODE -eq 0 -and (Test-Path $nativeEcho)) { $env:KR_ECHO_NATIVE = $nativeEcho; return }
    }
    $reason = "$(@($log | Where-Object { "$_" -match 'error' } | Select-Object -First 1))"
    if ($reason.Length -gt 300) { $reason = $reason.Substring(0, 300) }
    Write-Host "The natively compiled echo backend could not be built (install clang and zlib1g-dev for it); pods run the JIT build. $reason".TrimEnd()
}

$cli = Join-Path $root 'src/KubeRaya.Conformance.Cli/bin/Release/net10.0/kuberaya-conformance.dll'

function Invoke-Cli([string[]]$cliArgs) {
    # Out-Host streams the harness's lines as they come (serve's ready line, run progress) instead of making them
    # part of this function's return value, which would also turn the exit code into an array.
    & dotnet $cli @cliArgs | Out-Host
    return $LASTEXITCODE
}

function Add-Option([System.Collections.Generic.List[string]]$list, [string]$name, $value) {
    if ($null -ne $value -and "$value" -ne '') { $list.Add("--$name"); $list.Add("$value") }
}

if (-not $SkipPackages) { Install-Packages }
if (-not $SkipBuild) { Build-Harness; Publish-NativeEcho }
elseif (Test-Path $nativeEcho) { $env:KR_ECHO_NATIVE = $nativeEcho }

if ($Test) {
    & (Join-Path $root 'tests/run-all.ps1') -Root $root -Cli $cli
    exit $LASTEXITCODE
}

if ($VerifyReport) {
    exit (Invoke-Cli @('verify-report', '--report-dir', $VerifyReport))
}

$command = if ($Calibrate) { 'calibrate' } elseif ($Serve) { 'serve' } elseif ($Target -eq 'audit') { 'audit' } else { 'run' }
$cliArgs = [System.Collections.Generic.List[string]]::new()
$cliArgs.Add($command)
Add-Option $cliArgs 'target' $Target
Add-Option $cliArgs 'address' $Address
Add-Option $cliArgs 'http-port' $HttpPort
Add-Option $cliArgs 'https-port' $HttpsPort
if ($Hosts) { Add-Option $cliArgs 'hosts' ($Hosts -join ',') }
Add-Option $cliArgs 'ca-bundle' $CaBundle
Add-Option $cliArgs 'report-dir' $ReportDir
if ($Tags) { Add-Option $cliArgs 'tags' ($Tags -join ',') }
Add-Option $cliArgs 'renewal-days' $RenewalDays
Add-Option $cliArgs 'kubeconfig' $Kubeconfig
Add-Option $cliArgs 'context' $Context
Add-Option $cliArgs 'ingress-class' $IngressClass
Add-Option $cliArgs 'ingress-address' $IngressAddress
Add-Option $cliArgs 'namespace' $Namespace
Add-Option $cliArgs 'path' $Path
Add-Option $cliArgs 'fault' $Fault
Add-Option $cliArgs 'kind-config' $KindConfig
Add-Option $cliArgs 'controller' $Controller
if ($KeepOnFailure) { $cliArgs.Add('--keep-on-failure') }
if ($KeepCluster) { $cliArgs.Add('--keep-cluster') }
if ($WhatIf) { $cliArgs.Add('--what-if') }
# A run or serve is a short-lived process mostly waiting on the network: compile once, never recompile (see
# ShortLivedProcess in the library). The static audit is CPU-bound and keeps the runtime's default.
if ($command -ne 'audit') { $env:DOTNET_TC_CallCounting = '0' }
exit (Invoke-Cli $cliArgs.ToArray())
