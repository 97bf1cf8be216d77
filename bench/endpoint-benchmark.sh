#!/usr/bin/env bash
# Measures one endpoint run of KubeRaya.Conformance against Debian's nginx on 127.0.0.1 serving 30 hosts,
# wall time including process start, with and without the browser check (KR-UX-01), and the time testssl.sh
# takes for ONE of those hosts on the same machine, for comparison.
#
# Builds nothing: it expects the Release build of the solution (dotnet build KubeRaya.Conformance.sln -c Release).
# Needs nginx (nginx-light), openssl, and for the comparison testssl.sh (skipped with a note when absent).
# Everything it makes (certificates, 0600 keys, nginx configuration, reports) lives in one 0700 temp directory
# that is removed, with nginx stopped, on every exit path.
#
# Usage: bench/endpoint-benchmark.sh [HOSTS]    (HOSTS defaults to 30)
# Environment: KR_BENCH_SKIP_TESTSSL=1 skips the testssl.sh comparison; KR_BENCH_ROOT=DIR measures the Release build
# of another checkout (e.g. to compare before and after a change); it defaults to this script's checkout.
set -euo pipefail

hosts_count="${1:-30}"
root="${KR_BENCH_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
cli="$root/src/KubeRaya.Conformance.Cli/bin/Release/net10.0/kuberaya-conformance.dll"
suite="$root/steps/bin/Release/net10.0/KubeRaya.Conformance.Steps.dll"
for built in "$cli" "$suite"; do
  if [[ ! -f "$built" ]]; then
    echo "endpoint-benchmark: $built is missing: this script builds nothing; run 'dotnet build KubeRaya.Conformance.sln -c Release' first" >&2
    exit 2
  fi
done
command -v /usr/sbin/nginx >/dev/null || { echo "endpoint-benchmark: /usr/sbin/nginx is missing: apt-get install nginx-light" >&2; exit 2; }

umask 077
work="$(mktemp -d /tmp/kr-bench-XXXXXX)"
nginx_pid=""
cleanup() {
  if [[ -n "$nginx_pid" ]] && kill -0 "$nginx_pid" 2>/dev/null; then
    kill "$nginx_pid" 2>/dev/null || true
    wait "$nginx_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  python3 - <<'PY' 2>/dev/null || shuf -i 20000-60000 -n 1
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
PY
}

# --- PKI: root → intermediate → one leaf naming every host (30 SANs); a self-signed default certificate. ---
hosts=()
for i in $(seq 1 "$hosts_count"); do hosts+=("h$i.example.test"); done
host_list="$(IFS=,; echo "${hosts[*]}")"
sans="$(printf 'DNS:%s,' "${hosts[@]}")"; sans="${sans%,}"
cd "$work"
ossl() { openssl "$@" >/dev/null 2>&1; }
ossl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout root.key -out root.pem -days 2 \
  -subj "/CN=KubeRaya bench root" -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"
ossl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout inter.key -out inter.csr -subj "/CN=KubeRaya bench intermediate"
ossl x509 -req -in inter.csr -CA root.pem -CAkey root.key -CAcreateserial -out inter.pem -days 2 \
  -extfile <(printf 'basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\n')
ossl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout leaf.key -out leaf.csr -subj "/CN=${hosts[0]}"
ossl x509 -req -in leaf.csr -CA inter.pem -CAkey inter.key -CAcreateserial -out leaf.pem -days 90 \
  -extfile <(printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=%s\n' "$sans")
cat leaf.pem inter.pem > chain.pem
ossl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout default.key -out default.pem -days 2 \
  -subj "/CN=Kubernetes Ingress Controller Fake Certificate" -addext "subjectAltName=DNS:ingress.local"
rm -f root.key inter.key ./*.csr ./*.srl

# --- nginx configured like a correct ingress (ingress-nginx defaults). ---
http_port="$(free_port)"; https_port="$(free_port)"
while [[ "$https_port" == "$http_port" ]]; do https_port="$(free_port)"; done
mkdir -p nginx
cat > nginx/nginx.conf <<CONF
daemon off;
master_process off;
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    default_type text/plain;
    server_names_hash_bucket_size 128;
    ssl_protocols TLSv1.2 TLSv1.3;
    ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305;
    ssl_prefer_server_ciphers on;
    server {
        listen 127.0.0.1:$http_port default_server;
        listen 127.0.0.1:$https_port ssl http2 default_server;
        server_name _;
        ssl_certificate $work/default.pem;
        ssl_certificate_key $work/default.key;
        return 404 "default backend - 404\n";
    }
    server {
        listen 127.0.0.1:$http_port;
        server_name ${hosts[*]};
        location / { return 308 https://\$host:$https_port\$request_uri; }
    }
    server {
        listen 127.0.0.1:$https_port ssl http2;
        server_name ${hosts[*]};
        ssl_certificate $work/chain.pem;
        ssl_certificate_key $work/leaf.key;
        add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;
        location / { return 200 "bench application on \$host\n"; }
    }
}
CONF
/usr/sbin/nginx -p "$work/nginx/" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" &
nginx_pid=$!
for _ in $(seq 1 200); do
  if [[ -f "$work/nginx/nginx.pid" ]] && (exec 3<>"/dev/tcp/127.0.0.1/$https_port") 2>/dev/null; then break; fi
  kill -0 "$nginx_pid" 2>/dev/null || { echo "endpoint-benchmark: nginx did not start:" >&2; cat "$work/nginx/error.log" >&2; exit 3; }
  sleep 0.05
done

echo "nginx $nginx_pid on 127.0.0.1 http $http_port https $https_port, $hosts_count hosts, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

# --- The endpoint run, timed from process start to exit. ---
TIMEFORMAT='%R %U %S' 
run_cli() { # $1 label, $2 report dir, rest: extra arguments
  local label="$1" report="$2"; shift 2
  local code=0 wall user sys
  # Wall time from process start to exit, and the CPU time of the whole process tree (dotnet test, Chromium),
  # which says what the run costs on an idle machine when this one is shared.
  { time dotnet "$cli" run --target endpoint --address 127.0.0.1 \
      --http-port "$http_port" --https-port "$https_port" --hosts "$host_list" --ca-bundle "$work/root.pem" \
      --report-dir "$report" "$@" > "$report.log" 2>&1 || code=$?; } 2> "$report.time"
  read -r wall user sys < "$report.time"
  printf '%-44s %6.1f s wall, %6.1f s CPU  exit %d  (%s)\n' "$label" "$wall" "$(echo "$user + $sys" | bc)" "$code" "$(tail -n 1 "$report.log" | cut -d';' -f1)"
  # nginx here is a sound ingress: any other outcome means the timing is of a broken run.
  if [[ "$code" != 0 ]]; then not_conformant+=("$label"); tail -n 20 "$report.log" >&2; fi
}
not_conformant=()

# Every E-mode control except KR-UX-01: with only positive tags, "without the browser" means naming the other 14.
without_browser="KR-TLS-01,KR-TLS-03,KR-TLS-04,KR-CERT-01,KR-CERT-02,KR-CERT-03,KR-CERT-04,KR-CERT-05,KR-HTTP-01,KR-HTTP-02,KR-HOST-01,KR-HOST-02,KR-EXT-01,KR-EXT-02"
run_cli "endpoint run, all E-mode controls:" "$work/full"
run_cli "endpoint run, without KR-UX-01 (browser):" "$work/nobrowser" --tags "$without_browser"
run_cli "endpoint run, KR-UX-01 (browser) only:" "$work/browser" --tags KR-UX-01

# --- testssl.sh for ONE host, for comparison. ---
if [[ "${KR_BENCH_SKIP_TESTSSL:-0}" == 1 ]]; then
  echo "testssl.sh: skipped (KR_BENCH_SKIP_TESTSSL=1)"
elif command -v testssl >/dev/null; then
  code=0
  { time timeout 600 bash "$(command -v testssl)" --quiet --ip 127.0.0.1 --warnings off --color 0 \
      "https://${hosts[0]}:$https_port" > "$work/testssl.log" 2>&1 || code=$?; } 2> "$work/testssl.time"
  read -r wall user sys < "$work/testssl.time"
  printf '%-44s %6.1f s wall, %6.1f s CPU  exit %d%s\n' "testssl.sh, one host:" "$wall" "$(echo "$user + $sys" | bc)" "$code" "$([[ $code == 124 ]] && echo ' (stopped by the 600 s bound)')"
else
  echo "testssl.sh: not installed (apt-get install testssl.sh) - comparison skipped"
fi

if (( ${#not_conformant[@]} > 0 )); then
  echo "endpoint-benchmark: these runs did not end conformant (exit 0), so their times measure a failure: ${not_conformant[*]}" >&2
  exit 1
fi
