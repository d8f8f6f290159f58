/* Large-file upload on the Data page (the server side and its rules: dashboard/uploads.py).
 *
 * "Upload a large file" (#big-upload-button) opens a file picker (#big-upload-input, outside
 * Dash's tree); the file is sent in chunks (file.slice, one PUT at a time, at the offset the
 * server has), then ingested on the server. Progress goes to #big-upload-progress; when the
 * ingest ends, #big-upload-done gets the upload id and the page shows the per-file results.
 */
(function () {
  "use strict";
  var API = "/api/uploads";
  var POLL_MS = 1000;
  var MAX_RETRIES = 5; // consecutive failures of one chunk before giving up
  var busy = false;
  var input = null;

  function setProps(id, props) {
    var dc = window.dash_clientside;
    if (dc && dc.set_props && document.getElementById("big-upload-progress")) {
      dc.set_props(id, props); // only while the Data page is shown
    }
  }

  function say(text) {
    setProps("big-upload-progress", {children: text});
  }

  function mb(n) {
    return (n / 1e6).toLocaleString(undefined, {maximumFractionDigits: 1}) + " MB";
  }

  function sleep(ms) {
    return new Promise(function (resolve) { setTimeout(resolve, ms); });
  }

  async function body(res) {
    try { return await res.json(); } catch (e) { return {}; }
  }

  async function start(file) {
    var res = await fetch(API, {method: "POST", headers: {"Content-Type": "application/json"},
                                body: JSON.stringify({name: file.name, size: file.size})});
    var out = await body(res);
    if (!res.ok) { throw new Error(out.error || "refused (HTTP " + res.status + ")"); }
    return out;
  }

  /* PUT the chunks from the server's offset on; a 409 tells where the server is. */
  async function sendChunks(file, up) {
    var offset = 0, failures = 0;
    while (offset < file.size) {
      var end = Math.min(offset + up.chunk_bytes, file.size);
      var res = null, out = {};
      try {
        res = await fetch(API + "/" + up.id + "?offset=" + offset,
                          {method: "PUT", headers: {"Content-Type": "application/octet-stream"},
                           body: file.slice(offset, end)});
        out = await body(res);
      } catch (e) { res = null; out = {error: String(e)}; }
      if (res && res.ok) {
        offset = out.received; failures = 0;
        say("uploading " + file.name + ": " + mb(offset) + " of " + mb(file.size) + " ("
            + Math.floor(100 * offset / Math.max(file.size, 1)) + "%)");
        continue;
      }
      failures += 1;
      if (failures > MAX_RETRIES || (res && res.status !== 409 && res.status < 500)) {
        throw new Error(out.error || "chunk refused (HTTP " + (res ? res.status : "-") + ")");
      }
      if (typeof out.received === "number") { offset = out.received; }
      await sleep(500 * failures);
    }
  }

  async function finish(up) {
    var res = await fetch(API + "/" + up.id + "/done", {method: "POST"});
    var out = await body(res);
    if (!res.ok) { throw new Error(out.error || "not accepted (HTTP " + res.status + ")"); }
    for (;;) {
      await sleep(POLL_MS);
      res = await fetch(API + "/" + up.id);
      out = await body(res);
      if (!res.ok) { throw new Error(out.error || "status unavailable (HTTP " + res.status + ")"); }
      if (out.state === "done" || out.state === "failed") { return out; }
      say((out.state === "queued" ? "waiting for another ingest" : "ingesting: "
           + out.lines.toLocaleString() + " lines") + " (" + out.name + ")");
    }
  }

  async function upload(file) {
    busy = true;
    try {
      say("starting " + file.name + " (" + mb(file.size) + ")");
      var up = await start(file);
      await sendChunks(file, up);
      say("uploaded " + mb(file.size) + "; ingesting");
      var status = await finish(up);
      say(status.state === "done" ? file.name + ": ingested " + status.lines.toLocaleString() + " lines"
                                  : file.name + ": failed");
      setProps("big-upload-done", {data: {id: up.id, at: Date.now()}});
    } catch (e) {
      say(file.name + ": " + (e && e.message ? e.message : String(e)));
    } finally {
      busy = false;
    }
  }

  function picker() {
    if (!input) {
      input = document.createElement("input");
      input.type = "file";
      input.id = "big-upload-input";
      input.style.display = "none";
      input.addEventListener("change", function () {
        var file = input.files && input.files[0];
        if (file) { upload(file); }
        input.value = "";
      });
      document.body.appendChild(input);
    }
    return input;
  }

  document.addEventListener("click", function (e) {
    var button = e.target && e.target.closest ? e.target.closest("#big-upload-button") : null;
    if (!button) { return; }
    if (busy) { say("an upload is already running in this tab"); return; }
    picker().click();
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", picker);
  } else {
    picker();
  }
})();
