#!/bin/bash
# Cold start variants, interleaved: wall time and the process's CPU time (user+sys) to the first 200 on /login.
# usage: ent-bench/cold-start.sh ent-web/target/ent-web.war ent-web/target/payara-micro.jar [ROUNDS]
# (issue 21, item 7: a pre-unpacked Payara Micro root and an AppCDS archive against the plain jar; H2 demo data;
# run it alone on a quiet machine: under load the plain start alone took over 5 minutes)
WAR=$1; MICRO=$2; ROUNDS=${3:-2}; W=${TMPDIR:-/tmp}/ent-cold; JAVA=${JAVA:-java}
mkdir -p $W; HZ=$(getconf CLK_TCK)
prepare() {
  rm -rf $W/root $W/app.jsa
  $JAVA -jar $MICRO --rootdir $W/root --outputlauncher > $W/prepare.log 2>&1
  # training run: deploys, starts the application, stops (--warmup); the dynamic archive is written at exit
  rm -rf $W/data-train; $JAVA -Xmx512m -XX:ArchiveClassesAtExit=$W/app.jsa -Dent.data.dir=$W/data-train -Dent.demo.data=true \
     -Djava.io.tmpdir=$W -jar $W/root/launch-micro.jar --deploy $WAR --contextroot / --port 18299 --nocluster --warmup > $W/train.log 2>&1
  ls -la $W/app.jsa >&2
}
run() { # name, then the java arguments before -jar, then the jar
  local name=$1 port=$((18180 + RANDOM % 100)); shift
  rm -rf $W/data-$name
  local t0=$(date +%s%N)
  $JAVA -Xmx512m -Dent.data.dir=$W/data-$name -Dent.demo.data=true -Djava.io.tmpdir=$W "$@" --deploy $WAR --contextroot / --port $port --nocluster > $W/$name.log 2>&1 &
  local pid=$!
  while ! curl -s -o /dev/null -m 2 -w "%{http_code}" http://127.0.0.1:$port/login | grep -q 200; do
    sleep 0.2; kill -0 $pid 2>/dev/null || { echo "$name died"; return; }
    [ $(( ($(date +%s%N) - t0) / 1000000000 )) -gt 300 ] && { echo "$name timeout"; kill $pid; return; }
  done
  local t1=$(date +%s%N); local cpu=$(awk -v hz=$HZ '{print ($14+$15)/hz}' /proc/$pid/stat)
  local rss=$(awk '/VmHWM/{print $2/1024}' /proc/$pid/status)
  printf "%-10s wall %6.1f s  cpu %6.1f s  peak RSS %5.0f MiB  load %s\n" $name $(echo "($t1-$t0)/1000000000" | bc -l) $cpu $rss "$(cut -d' ' -f1 /proc/loadavg)"
  kill $pid; wait $pid 2>/dev/null
}
prepare
for i in $(seq 1 $ROUNDS); do
  run plain -jar $MICRO
  run rootdir -jar $W/root/launch-micro.jar
  run cds -XX:SharedArchiveFile=$W/app.jsa -Xlog:cds=off -jar $W/root/launch-micro.jar
done
