#!/usr/bin/env python3
"""Where the CPU of some threads goes, from a JFR recording (BENCHMARKS.md, issue 19).

    bench/jfr-top.py recording.jfr [--threads=bench-worker] [--marker=CommandSender.send] [--top=40]

Reads the jdk.ExecutionSample events (`jfr print`, streamed), keeps the samples of threads whose
name starts with --threads taken while the phase named by --marker ran (from the first to the last
sample of those threads with a frame containing it: the load's own threads call the command sender
only in append_c8_inprocess), and prints the shares of all threads in that window, then, for
the chosen threads: self time by method, self time by package, and inclusive time by method (ours
and all). Record with -XX:FlightRecorderOptions:stackdepth=256, or deep stacks lose their bottom.
"""
import collections
import re
import subprocess
import sys

args = dict(a[2:].split('=', 1) for a in sys.argv[2:] if a.startswith('--'))
threads = args.get('threads', 'bench-worker')
marker = args.get('marker', 'CommandSender.send')
top = int(args.get('top', '40'))

samples = []  # (time, thread, [frames leaf first])
current = None
out = subprocess.Popen(['jfr', 'print', '--stack-depth', '1000', '--events', 'jdk.ExecutionSample', sys.argv[1]],
                       stdout=subprocess.PIPE, text=True).stdout
for line in out:
    s = line.strip()
    if s.startswith('jdk.ExecutionSample'):
        current = {'frames': []}
        samples.append(current)
    elif current is None:
        continue
    elif s.startswith('startTime ='):
        current['time'] = s.split('=', 1)[1].strip()
    elif s.startswith('sampledThread ='):
        current['thread'] = s.split('"')[1] if '"' in s else s
    elif 'line:' in s:
        current['frames'].append(re.sub(r'\(.*', '', s))

marked = [x['time'] for x in samples if x.get('thread', '').startswith(threads) and any(marker in f for f in x['frames'])]
if not marked:
    sys.exit('no sample has a frame containing ' + marker)
lo, hi = min(marked), max(marked)
window = [x for x in samples if lo <= x.get('time', '') <= hi]
print('window %s - %s: %d samples of all threads' % (lo, hi, len(window)))
for name, count in collections.Counter(re.sub(r'\d+', 'N', x.get('thread', '?')) for x in window).most_common(12):
    print('  %5.1f%% %s' % (100.0 * count / len(window), name))
chosen = [x['frames'] for x in window if x.get('thread', '').startswith(threads) and x['frames']]
n = len(chosen)
print('\n%d samples of threads %s*' % (n, threads))


def show(title, counter, limit):
    print('\n== ' + title)
    for key, count in counter.most_common(limit):
        print('  %5.1f%% %s' % (100.0 * count / n, key))


def package(method):
    parts = method.split('.')
    return '.'.join(parts[:3] if parts[0] in ('java', 'jdk', 'sun', 'com', 'io', 'ch') else parts[:4])


show('self time by method', collections.Counter(f[0] for f in chosen), top)
show('self time by package', collections.Counter(package(f[0]) for f in chosen), 25)
inclusive = collections.Counter(m for f in chosen for m in set(f))
show('inclusive, our code', collections.Counter({m: c for m, c in inclusive.items()
                                                  if 'commitmenttracker' in m and '.bench.' not in m}), top)
show('inclusive, all', inclusive, top * 2)
