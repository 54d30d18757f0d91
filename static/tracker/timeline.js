/*
 * The timeline chart: one dataset per source, each point at its as-of date, with a
 * vertical bar through it from the low to the high figure the source gave.
 *
 * The range bars are drawn by the small plugin below (`rangeBars`) rather than a
 * floating-bar dataset, so that a source's points and its ranges share one dataset,
 * one colour, one legend entry and one tooltip. The data comes from the page through
 * json_script (#timeline-data); the table under the chart carries the same numbers.
 */
(function () {
  "use strict";

  var PALETTE = [
    "#0b5cad", "#c2410c", "#15803d", "#7e22ce", "#b91c1c",
    "#0e7490", "#a16207", "#be185d", "#4d7c0f", "#475569",
  ];

  var rangeBars = {
    id: "rangeBars",
    afterDatasetsDraw: function (chart) {
      var ctx = chart.ctx;
      var yScale = chart.scales.y;
      chart.data.datasets.forEach(function (dataset, i) {
        var meta = chart.getDatasetMeta(i);
        if (meta.hidden) return;
        ctx.save();
        ctx.strokeStyle = dataset.borderColor;
        ctx.lineWidth = 2;
        meta.data.forEach(function (element, j) {
          var point = dataset.data[j];
          if (point.low === point.high) return;
          var top = yScale.getPixelForValue(point.high);
          var bottom = yScale.getPixelForValue(point.low);
          var x = element.x;
          ctx.beginPath();
          ctx.moveTo(x, top);
          ctx.lineTo(x, bottom);
          ctx.moveTo(x - 4, top);
          ctx.lineTo(x + 4, top);
          ctx.moveTo(x - 4, bottom);
          ctx.lineTo(x + 4, bottom);
          ctx.stroke();
        });
        ctx.restore();
      });
    },
  };

  function format(n) {
    return n === null || n === undefined ? "?" : n.toLocaleString("en-GB");
  }

  function tooltipLines(point) {
    var lines = [];
    if (point.n > 1) {
      lines.push(point.n + " estimates aggregated");
      lines.push("Range " + format(point.low) + "–" + format(point.high));
    } else {
      if (point.low !== point.high) lines.push("Range " + format(point.low) + "–" + format(point.high));
      if (point.via) lines.push("Via " + point.via);
      if (point.qualifier) lines.push("Qualifier: " + point.qualifier);
      if (point.status === "proposed") lines.push("Proposed, not yet confirmed");
    }
    lines.push(point.citations + " citation" + (point.citations === 1 ? "" : "s"));
    return lines;
  }

  function draw() {
    var canvas = document.getElementById("timeline-chart");
    var source = document.getElementById("timeline-data");
    if (!canvas || !source || typeof Chart === "undefined") return;
    var data = JSON.parse(source.textContent);
    var datasets = data.series.map(function (series, i) {
      var colour = PALETTE[i % PALETTE.length];
      return {
        label: series.source.name + (series.aggregated ? " (aggregated)" : ""),
        data: series.points,
        borderColor: colour,
        backgroundColor: colour,
        pointRadius: series.points.length > 500 ? 1.5 : 4,
        pointHoverRadius: 6,
        pointStyle: function (ctx) {
          return ctx.raw && ctx.raw.status === "proposed" ? "triangle" : "circle";
        },
        // Points only, no connecting line: a source's figures on one date can be for
        // different contingents, and a line between them would read as a change.
        showLine: false,
      };
    });
    var chart = new Chart(canvas, {
      type: "line",
      data: { datasets: datasets },
      plugins: [rangeBars],
      options: {
        animation: false,
        maintainAspectRatio: false,
        parsing: { xAxisKey: "x", yAxisKey: "y" },
        interaction: { mode: "nearest", intersect: false },
        scales: {
          x: {
            type: "time",
            time: { tooltipFormat: "d MMM yyyy" },
            ticks: { maxTicksLimit: 12, maxRotation: 0 },
            title: { display: true, text: "As of" },
          },
          y: { beginAtZero: true, title: { display: true, text: data.metric } },
        },
        plugins: {
          legend: { position: "bottom", labels: { usePointStyle: true } },
          tooltip: {
            callbacks: {
              title: function (items) {
                var point = items[0].raw;
                return point.as_of || items[0].label;
              },
              label: function (item) {
                var point = item.raw;
                return item.dataset.label + ": " + (point.figure || format(point.y));
              },
              afterLabel: function (item) {
                return tooltipLines(item.raw);
              },
            },
          },
        },
        onClick: function (event, elements) {
          if (!elements.length || !data.estimate_url) return;
          var point = datasets[elements[0].datasetIndex].data[elements[0].index];
          if (point.id) window.location.href = data.estimate_url.replace("/0/", "/" + point.id + "/");
        },
      },
    });
    canvas.dataset.ready = "true";
    window.timelineChart = chart;
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
