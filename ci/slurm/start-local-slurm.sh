#!/usr/bin/env bash
# Starts a single-node Slurm cluster on this machine for the launcher's integration test
# (harness/src/test/java/org/reprise/cli/SlurmIntegrationTest.java): munged, slurmctld and slurmd
# from Debian's slurm-wlm and munge packages, one node (this host, its real CPU count and memory),
# one partition "debug". Meant for CI containers without systemd or writable cgroups, hence
# proctrack/linuxproc, task/none and no accounting (sacct is unavailable: the harness says so).
#
#   ci/slurm/start-local-slurm.sh          # idempotent: does nothing when the cluster is already up
#
# Needs root (it writes /etc/slurm/slurm.conf and starts daemons). It refuses to overwrite a
# slurm.conf it did not write, so it cannot clobber a real cluster's configuration.
set -euo pipefail

MARKER="# written by reprise ci/slurm/start-local-slurm.sh"
CONF=/etc/slurm/slurm.conf
WAIT_SECONDS=${REPRISE_SLURM_WAIT_SECONDS:-60}

die() { echo "start-local-slurm: $*" >&2; exit 1; }

[ "$(id -u)" = "0" ] || die "run as root (it writes $CONF and starts munged, slurmctld and slurmd)"
for cmd in munged slurmctld slurmd sinfo scontrol; do
  command -v "$cmd" >/dev/null 2>&1 || die "$cmd not found: apt-get install -y slurm-wlm munge"
done

# --- munge: a key, a runtime folder, the daemon ---------------------------------------------
if [ ! -s /etc/munge/munge.key ]; then
  if command -v mungekey >/dev/null 2>&1; then
    mungekey --create --keyfile=/etc/munge/munge.key
  else
    dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
  fi
fi
chown munge:munge /etc/munge/munge.key
chmod 0400 /etc/munge/munge.key
install -d -o munge -g munge -m 0755 /run/munge
install -d -o munge -g munge -m 0700 /var/log/munge /var/lib/munge
if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
  runuser -u munge -- /usr/sbin/munged
  for _ in $(seq 1 20); do
    munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && break
    sleep 0.5
  done
  munge -n | unmunge >/dev/null || die "munged did not start (see /var/log/munge/munged.log)"
fi

# --- slurm.conf for this host -----------------------------------------------------------------
host=$(hostname -s)
node_line=$(slurmd -C | head -n 1)           # NodeName=<host> CPUs=.. Boards=.. ... RealMemory=..
case "$node_line" in NodeName=*) ;; *) die "slurmd -C printed no node line: $node_line" ;; esac

desired=$(cat <<CONF
$MARKER
# A one-node cluster for tests; see the script's header.
ClusterName=reprise-ci
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
ReturnToService=2
KillWait=10
MinJobAge=600
$node_line State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
)

if [ -f "$CONF" ] && ! grep -qxF "$MARKER" "$CONF"; then
  die "$CONF exists and was not written by this script; not touching a real cluster's configuration"
fi
changed=false
if [ ! -f "$CONF" ] || [ "$(cat "$CONF")" != "$desired" ]; then
  printf '%s\n' "$desired" > "$CONF"
  changed=true
fi
install -d -m 0755 /var/spool/slurmctld /var/spool/slurmd /var/log/slurm

# --- daemons ---------------------------------------------------------------------------------
running() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
stop() {
  if running "$1"; then
    kill "$(cat "$1")"
    for _ in $(seq 1 20); do running "$1" || break; sleep 0.5; done
  fi
}
if $changed; then
  stop /run/slurmd.pid
  stop /run/slurmctld.pid
fi
running /run/slurmctld.pid || slurmctld
for _ in $(seq 1 "$WAIT_SECONDS"); do scontrol ping >/dev/null 2>&1 && break; sleep 1; done
scontrol ping >/dev/null 2>&1 || die "slurmctld does not answer (see /var/log/slurm/slurmctld.log)"
running /run/slurmd.pid || slurmd

state=""
for _ in $(seq 1 "$WAIT_SECONDS"); do
  state=$(sinfo -h -N -n "$host" -o %t 2>/dev/null | head -n 1 | tr -d '*~#')
  case "$state" in
    idle|mix|alloc) break ;;
    down|drain|drng|fail) scontrol update NodeName="$host" State=RESUME >/dev/null 2>&1 || true ;;
  esac
  sleep 1
done
case "$state" in
  idle|mix|alloc) echo "start-local-slurm: node $host is $state (partition debug); $node_line" ;;
  *) die "node $host is '${state:-unknown}' after ${WAIT_SECONDS}s (see /var/log/slurm/slurmd.log)" ;;
esac
