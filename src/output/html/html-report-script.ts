// The HTML report's own browser script: draws each symbol's charts with uPlot from the embedded chart data, freeze bands shaded; counts the charts drawn on <body data-charts-drawn> (the browser test waits for it).

/** Plain ES2017 for any browser; reads `#chart-data` (JSON) and the global `uPlot`; makes no request. */
export const HTML_REPORT_SCRIPT = String.raw`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('chart-data').textContent);
  var drawn = 0;
  var expected = 0;
  function markDrawn() {
    drawn++;
    document.body.setAttribute('data-charts-drawn', String(drawn));
  }
  function width(el) {
    return Math.max(320, Math.min(1100, (el.clientWidth || 900) - 8));
  }
  // Frozen intervals as shaded bands behind the series, with the freeze's first instant marked by a line.
  function bandsPlugin() {
    return {
      hooks: {
        drawClear: [function (u) {
          var ctx = u.ctx;
          ctx.save();
          for (var i = 0; i < data.freezes.length; i++) {
            var band = data.freezes[i];
            var x0 = u.valToPos(band.from, 'x', true);
            var x1 = u.valToPos(band.to, 'x', true);
            var left = Math.max(u.bbox.left, Math.min(x0, x1));
            var right = Math.min(u.bbox.left + u.bbox.width, Math.max(x0, x1, x0 + 2));
            if (right <= u.bbox.left || left >= u.bbox.left + u.bbox.width) continue;
            ctx.fillStyle = 'rgba(214, 39, 40, 0.14)';
            ctx.fillRect(left, u.bbox.top, right - left, u.bbox.height);
            ctx.fillStyle = 'rgba(214, 39, 40, 0.8)';
            ctx.fillRect(left, u.bbox.top, 2, u.bbox.height);
          }
          ctx.restore();
        }],
        draw: [markDrawn],
      },
    };
  }
  // Axis ticks in UTC, 24 h (virtual time of the run).
  function utcTime(v) {
    return new Date(v * 1000).toISOString().slice(11, 19);
  }
  function line(label, color, extra) {
    var s = { label: label, stroke: color, width: 1.5, spanGaps: true, points: { show: false } };
    if (extra) for (var k in extra) s[k] = extra[k];
    return s;
  }
  function marker(label, color, shape) {
    return {
      label: label,
      stroke: color,
      fill: shape === 'filled' ? color : '#ffffff',
      width: 0,
      paths: function () { return null; },
      points: { show: true, size: 7, width: 1.5, stroke: color, fill: shape === 'filled' ? color : '#ffffff' },
    };
  }
  function chart(el, title, seriesList, columns, yLabel, moreAxes) {
    expected++;
    var opts = {
      title: title,
      width: width(el),
      height: 240,
      scales: { x: { time: true } },
      axes: [{ values: function (u, splits) { return splits.map(utcTime); } }, { label: yLabel, size: 70 }].concat(moreAxes || []),
      series: [{ label: 'UTC', value: function (u, v) { return v == null ? '--' : new Date(v * 1000).toISOString().replace('T', ' ').slice(0, 23); } }].concat(seriesList),
      plugins: [bandsPlugin()],
    };
    return new uPlot(opts, columns, el);
  }
  for (var i = 0; i < data.symbols.length; i++) {
    var s = data.symbols[i];
    var root = document.querySelector('[data-symbol-index="' + i + '"]');
    if (!root || s.x.length === 0) continue;
    var p = s.price;
    chart(root.querySelector('.chart-price'), s.symbol + ': mid, our quotes and fills', [
      line('mid', '#555555'),
      line('our bid', '#1f77b4', { dash: [4, 3] }),
      line('our ask', '#ff7f0e', { dash: [4, 3] }),
      marker('maker buy', '#2ca02c', 'filled'),
      marker('maker sell', '#d62728', 'filled'),
      marker('taker buy', '#2ca02c', 'open'),
      marker('taker sell', '#d62728', 'open'),
    ], [p.x, p.mid, p.bid, p.ask, p.makerBuy, p.makerSell, p.takerBuy, p.takerSell], 'price');
    chart(root.querySelector('.chart-position'), s.symbol + ': position and open orders', [
      line('position', '#1f77b4'),
      line('open orders', '#7f7f7f', { scale: 'orders', paths: uPlot.paths.stepped({ align: 1 }) }),
    ], [s.x, s.position, s.openOrders], 'position', [{ scale: 'orders', side: 1, label: 'open orders', size: 50, grid: { show: false } }]);
    chart(root.querySelector('.chart-pnl'), s.symbol + ': PnL split, USD', [
      line('realized', '#2ca02c'),
      line('unrealized', '#1f77b4'),
      line('fees (−)', '#d62728'),
      line('total', '#000000', { width: 2 }),
    ], [s.x, s.realized, s.unrealized, s.fees, s.total], 'USD');
    chart(root.querySelector('.chart-edge'), s.symbol + ': net edge vs threshold, bps (shaded: frozen)', [
      line('net edge', '#9467bd', { width: 2 }),
      line('threshold', '#d62728', { dash: [6, 4] }),
    ], [s.x, s.edge, s.threshold], 'bps');
  }
  document.body.setAttribute('data-charts-expected', String(expected));
})();
`;
