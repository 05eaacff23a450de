#!/usr/bin/env python3
"""A campaign of N clients for one advisor against ../shared/tools/fake-openai.py with a fixed delay, on a fresh SQLite
data folder and the Release build. Prints wall time against the ideal, the service's own time per draft, the requests it
sent (for tests/Copilot.Benchmarks prompt-tokens), peak working set and the load average.
Usage (from the repo root, after `dotnet build -c Release tests/Copilot.Benchmarks`):
  python3 tests/Copilot.Benchmarks/Campaigns/campaign_run.py [--clients 4000] [--delay-ms 300] [--concurrency 16] [--judge on|off]"""
import argparse, json, os, shutil, sqlite3, subprocess, sys, tempfile, time, urllib.request

p = argparse.ArgumentParser()
p.add_argument("--clients", type=int, default=4000)
p.add_argument("--delay-ms", type=int, default=300)
p.add_argument("--concurrency", type=int, default=16)
p.add_argument("--judge", default="on")
p.add_argument("--api-dll", help="the service build to run (default: this worktree's Release build), e.g. a before-build for a side-by-side run")
p.add_argument("--trace", help="write a dotnet-trace (sampled thread time, also as speedscope) of the service during the campaign to this .nettrace file")
a = p.parse_args()

root = os.getcwd()
work = tempfile.mkdtemp(prefix="campaign-run-")
data, log = os.path.join(work, "data"), os.path.join(work, "fake.jsonl")
api_dll = a.api_dll or os.path.join(root, "src/Copilot.Api/bin/Release/net10.0/Copilot.Api.dll")
model_port, api_port = 18000 + os.getpid() % 1000, 19000 + os.getpid() % 1000
env = dict(os.environ, Storage__DataPath=data, ASPNETCORE_URLS=f"http://127.0.0.1:{api_port}", ASPNETCORE_ENVIRONMENT="Production",
           Llm__Provider="OpenAICompatible", Llm__Endpoint=f"http://127.0.0.1:{model_port}/v1", Llm__ApiKey="fake-key", Llm__ChatModel="fake-model",
           Llm__DailyTokenBudgetPerAdvisor="0", Campaigns__Concurrency=str(a.concurrency), Compliance__UseLlmJudge="true" if a.judge == "on" else "false",
           Clients__DemoClients="0", Serilog__MinimumLevel__Default="Warning",
           Auth__AllowAnonymous="true")  # one benchmark on loopback: no keys

def call(method, path, body=None):
    req = urllib.request.Request(f"http://127.0.0.1:{api_port}{path}", method=method, data=None if body is None else json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json", "Idempotency-Key": f"bench-{time.time()}"})
    with urllib.request.urlopen(req, timeout=60) as r: return json.loads(r.read() or b"null")

def cpu_seconds(pid):
    # utime + stime of the whole process (all threads), in clock ticks: what the service itself burnt, which the machine's load
    # changes far less than wall time
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

def rss_kib(pid, field):
    with open(f"/proc/{pid}/status") as f:
        return next(int(l.split()[1]) for l in f if l.startswith(field))

model = subprocess.Popen([sys.executable, os.path.join(root, "../shared/tools/fake-openai.py"), str(model_port), str(a.delay_ms)], env=dict(os.environ, FAKE_LOG=log))
api = None
try:
    subprocess.run(["dotnet", api_dll, "generate-clients", "--advisors", "1", "--clients", str(a.clients), "--seed", "1"], env=env, check=True, cwd=work,
                   stdout=subprocess.DEVNULL)
    api = subprocess.Popen(["dotnet", api_dll], env=env, cwd=work, stdout=subprocess.DEVNULL)
    for _ in range(1200):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{api_port}/health/ready", timeout=5); break
        except Exception: time.sleep(0.5)
    ids = [r[0] for r in sqlite3.connect(os.path.join(data, "copilot.db")).execute("select ClientId from clients where AdvisorId='adv-001'")]
    open(log, "w").close()  # only the campaign's requests from here on
    load_before = open("/proc/loadavg").read().split()[:3]
    estimate = call("POST", "/v1/campaigns", {"advisorId": "adv-001", "clientIds": ids, "dryRun": True,
                                              "scenario": {"kind": "lifecycle", "code": "dormant_reactivation"}, "channel": "wechat"})["estimate"]
    tracer = subprocess.Popen(["dotnet-trace", "collect", "-p", str(api.pid), "--profile", "dotnet-sampled-thread-time", "--format", "Speedscope", "-o", a.trace],
                              stdout=subprocess.DEVNULL) if a.trace else None
    if tracer: time.sleep(3)
    cpu_before = cpu_seconds(api.pid)
    started = time.time()
    cid = call("POST", "/v1/campaigns", {"advisorId": "adv-001", "clientIds": ids, "scenario": {"kind": "lifecycle", "code": "dormant_reactivation"}, "channel": "wechat"})["id"]
    samples = []
    while True:
        time.sleep(1)
        samples.append(rss_kib(api.pid, "VmRSS:"))
        progress = call("GET", f"/v1/campaigns/{cid}")
        if progress["status"] != "Running": break
    wall_client = time.time() - started
    cpu_used = cpu_seconds(api.pid) - cpu_before
    if tracer: tracer.send_signal(2); tracer.wait()
    load_after = open("/proc/loadavg").read().split()[:3]
    peak = rss_kib(api.pid, "VmHWM:")
    db = sqlite3.connect(os.path.join(data, "copilot.db"))
    durations = sorted(r[0] for r in db.execute("select DurationMs from campaign_items where CampaignId=? and DurationMs is not null", (cid,)))
    calls = sum(1 for l in open(log) if "/chat/completions" in l)
    per_draft_calls = calls / max(1, progress["drafted"])
    ideal = a.clients * per_draft_calls * a.delay_ms / 1000 / a.concurrency
    mean = sum(durations) / len(durations)
    tenth = samples[len(samples) // 10] if samples else 0
    print(json.dumps({
        "clients": a.clients, "concurrency": a.concurrency, "delayMs": a.delay_ms, "judge": a.judge, "estimate": estimate,
        "status": progress["status"], "drafted": progress["drafted"], "flagged": progress["flagged"], "failed": progress["failed"],
        "wallSeconds": progress["elapsedSeconds"], "wallSecondsClient": round(wall_client, 1),
        "modelCalls": calls, "callsPerDraft": round(per_draft_calls, 3), "idealSeconds": round(ideal, 1),
        "ratioToIdeal": round(progress["elapsedSeconds"] / ideal, 3), "ratioToBrief75s": round(progress["elapsedSeconds"] / (a.clients * a.delay_ms / 1000 / a.concurrency), 3),
        "draftMsMean": round(mean), "draftMsP50": durations[len(durations) // 2], "draftMsP95": durations[int(len(durations) * 0.95)],
        "serviceOwnMsPerDraftMean": round(mean - per_draft_calls * a.delay_ms),
        "serviceCpuSeconds": round(cpu_used, 1), "serviceCpuMsPerDraft": round(cpu_used * 1000 / max(1, progress["drafted"]), 1),
        "tokensReported": progress["tokens"], "peakWorkingSetMiB": round(peak / 1024), "rssAt10pctMiB": round(tenth / 1024),
        "rssAtEndMiB": round(samples[-1] / 1024), "loadBefore": load_before, "loadAfter": load_after, "fakeLog": log,
    }, indent=1))
finally:
    if api: api.terminate(); api.wait()
    model.terminate(); model.wait()
    shutil.rmtree(data, ignore_errors=True)
