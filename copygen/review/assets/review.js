// The review page: approve, edit or reject variants with the keyboard or mouse, then export
// the decisions as decisions.jsonl for `copygen apply`. Product text only ever reaches the
// page through textContent and form values, never as HTML.
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("review-data").textContent);
  var storageKey = "copygen-review:" + data.key;
  var items = Array.prototype.slice.call(document.querySelectorAll(".variant"));
  var decisions = {}; // "product:variant" -> {decision, text}
  var current = -1;

  function keyOf(item) { return item.dataset.product + ":" + item.dataset.variant; }
  function draftOf(item) { return data.drafts[Number(item.dataset.product)]; }
  function variantOf(item) { return draftOf(item).variants[Number(item.dataset.variant)]; }

  function say(message) { document.getElementById("status").textContent = message; }

  function remember() {
    try { localStorage.setItem(storageKey, JSON.stringify(decisions)); } catch (error) { /* private mode: keep in memory */ }
  }

  // The copy's parts as the channel names them, measured in characters (code points), as
  // copygen.channels.split_parts and the length check do.
  function lengths(channelName, text) {
    var channel = data.channels[channelName];
    if (!channel) return [];
    var found = {};
    if (channel.parts.length) {
      var marks = [], pattern = new RegExp("(?<!\\w)(" + channel.parts.join("|") + ")\\s*:", "gi"), match;
      while ((match = pattern.exec(text)) !== null) marks.push(match);
      marks.forEach(function (mark, index) {
        var part = mark[1].toLowerCase();
        var end = index + 1 < marks.length ? marks[index + 1].index : text.length;
        if (!(part in found)) found[part] = text.slice(mark.index + mark[0].length, end).split(/\s+/).filter(Boolean).join(" ");
      });
    } else {
      found.text = text;
    }
    return Object.keys(channel.limits).filter(function (part) { return part in found; }).map(function (part) {
      var length = Array.from(found[part]).length, limit = channel.limits[part];
      return { part: part, length: length, limit: limit, over: length > limit };
    });
  }

  function showLengths(box, channelName, text) {
    box.textContent = "";
    lengths(channelName, text).forEach(function (length) {
      var chip = document.createElement("span");
      chip.className = "length" + (length.over ? " over" : "");
      chip.textContent = length.part + " " + length.length + "/" + length.limit;
      box.appendChild(chip);
      box.appendChild(document.createTextNode(" "));
    });
  }

  function render(item) {
    var decision = decisions[keyOf(item)];
    item.classList.remove("approved", "edited", "rejected");
    if (decision) item.classList.add(decision.decision);
    item.querySelector(".status").textContent = decision ? decision.decision : "to review";
    var edited = item.querySelector(".edited");
    edited.hidden = !(decision && decision.decision === "edited");
    if (!edited.hidden) {
      edited.querySelector(".edited-text").textContent = decision.text;
      showLengths(edited.querySelector(".edited-lengths"), draftOf(item).channel, decision.text);
    }
  }

  function renderCounts() {
    var counts = { approved: 0, edited: 0, rejected: 0 };
    Object.keys(decisions).forEach(function (key) { counts[decisions[key].decision] += 1; });
    var open = items.length - counts.approved - counts.edited - counts.rejected;
    document.getElementById("counts").textContent = counts.approved + " approved · " + counts.edited + " edited · " +
      counts.rejected + " rejected · " + open + " to review";
  }

  function decide(item, decision) {
    if (decision) decisions[keyOf(item)] = decision; else delete decisions[keyOf(item)];
    remember();
    render(item);
    renderCounts();
  }

  function visible(item) { return item.offsetParent !== null; }

  function select(index) {
    if (index < 0 || index >= items.length) return;
    if (current >= 0) items[current].classList.remove("current");
    current = index;
    var item = items[current];
    item.classList.add("current");
    item.focus({ preventScroll: true });
    item.scrollIntoView({ block: "nearest" });
  }

  function move(step) {
    for (var index = current + step; index >= 0 && index < items.length; index += step) {
      if (visible(items[index])) { select(index); return; }
    }
  }

  function selected() {
    if (current < 0) move(1);
    return current >= 0 ? items[current] : null;
  }

  function edit(item) {
    if (item.querySelector(".editor")) { item.querySelector("textarea").focus(); return; }
    var previous = decisions[keyOf(item)];
    var original = variantOf(item).text;
    var editor = document.createElement("div");
    editor.className = "editor";
    var area = document.createElement("textarea");
    area.value = previous && previous.decision === "edited" ? previous.text : original;
    area.rows = Math.max(3, area.value.split("\n").length + 1);
    area.setAttribute("aria-label", "Edited copy");
    var live = document.createElement("div");
    var actions = document.createElement("div");
    actions.className = "actions";
    var save = document.createElement("button");
    save.type = "button";
    save.textContent = "Save (Ctrl+Enter)";
    var cancel = document.createElement("button");
    cancel.type = "button";
    cancel.textContent = "Cancel (Esc)";
    actions.appendChild(save);
    actions.appendChild(cancel);
    editor.appendChild(area);
    editor.appendChild(live);
    editor.appendChild(actions);
    item.querySelector(".text").after(editor);

    function update() { showLengths(live, draftOf(item).channel, area.value); }
    function close() { editor.remove(); item.focus({ preventScroll: true }); }
    function commit() {
      var text = area.value.trim();
      if (!text) { say("The edit is empty: reject the variant instead (r)."); return; }
      decide(item, text === original ? { decision: "approved", text: original } : { decision: "edited", text: text });
      close();
      move(1);
    }
    area.addEventListener("input", update);
    area.addEventListener("keydown", function (event) {
      event.stopPropagation();
      if (event.key === "Escape") { event.preventDefault(); close(); }
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); commit(); }
    });
    save.addEventListener("click", commit);
    cancel.addEventListener("click", close);
    update();
    area.focus();
  }

  function act(item, action) {
    if (action === "approve") { decide(item, { decision: "approved", text: variantOf(item).text }); move(1); }
    else if (action === "reject") { decide(item, { decision: "rejected", text: variantOf(item).text }); move(1); }
    else if (action === "undo") decide(item, null);
    else if (action === "edit") edit(item);
  }

  function exportDecisions() {
    var lines = [];
    items.forEach(function (item) {
      var decision = decisions[keyOf(item)];
      if (!decision) return;
      // docs/formats.md: decisions format 1, variants numbered from 1 as everywhere else in copygen.
      var row = { format_version: 1, id: draftOf(item).id, variant: Number(item.dataset.variant) + 1, decision: decision.decision };
      if (decision.decision === "edited") { row.text = decision.text; row.original = variantOf(item).text; }
      else row.text = variantOf(item).text;
      lines.push(JSON.stringify(row));
    });
    if (!lines.length) { say("Nothing to export yet: approve, edit or reject a variant first."); return; }
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([lines.join("\n") + "\n"], { type: "application/x-ndjson" }));
    link.download = "decisions.jsonl";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
    say("Exported " + lines.length + " decisions to decisions.jsonl. Next: copygen apply " + data.source +
        " decisions.jsonl -o reviewed.jsonl --pairs pairs.jsonl");
  }

  function toggleHidden() {
    var box = document.getElementById("hide-decided");
    document.body.classList.toggle("hide-decided", box.checked);
    if (current >= 0 && !visible(items[current])) move(1);
  }

  data.drafts.forEach(function (draft, product) {
    draft.variants.forEach(function (variant, index) {
      if (variant.decision) {
        decisions[product + ":" + index] = { decision: variant.decision, text: variant.edited_text || variant.text };
      }
    });
  });
  try { Object.assign(decisions, JSON.parse(localStorage.getItem(storageKey) || "{}")); } catch (error) { /* none kept */ }
  items.forEach(render);
  renderCounts();

  document.querySelector("main").addEventListener("click", function (event) {
    var item = event.target.closest(".variant");
    if (!item || event.target.closest(".editor")) return;
    select(items.indexOf(item));
    var button = event.target.closest("button[data-action]");
    if (button) act(item, button.dataset.action);
  });
  document.getElementById("export").addEventListener("click", exportDecisions);
  document.getElementById("hide-decided").addEventListener("change", toggleHidden);
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.target.closest("textarea")) return;
    var keys = { j: function () { move(1); }, k: function () { move(-1); }, x: exportDecisions,
                 h: function () { var box = document.getElementById("hide-decided"); box.checked = !box.checked; toggleHidden(); } };
    var actions = { a: "approve", r: "reject", e: "edit", u: "undo" };
    if (keys[event.key]) keys[event.key]();
    else if (actions[event.key]) { var item = selected(); if (item) act(item, actions[event.key]); }
    else return;
    event.preventDefault();
  });
})();
