// Optional enhancement of the report form: a small map of the city's areas to tap (SVG, no library), the "use my
// location" button and a light proof of work (SHA-256 of
// "token:nonce" with a number of leading zero bits) computed before the form is sent. Without JavaScript the form
// works as it is.
(() => {
  const form = document.getElementById('report-form');
  if (!form) return;
  for (const el of form.querySelectorAll('.js-only')) el.hidden = false;
  const locate = document.getElementById('locate');
  const status = document.getElementById('located');
  if (locate && navigator.geolocation) {
    locate.addEventListener('click', () => {
      navigator.geolocation.getCurrentPosition((pos) => {
        form.elements.lat.value = pos.coords.latitude.toFixed(6);
        form.elements.lon.value = pos.coords.longitude.toFixed(6);
        if (status) status.textContent = status.dataset.done || '';
      });
    });
  }
  drawMap(form, status);
  const bits = Number(form.dataset.powBits || 0);
  if (!bits || !window.crypto || !crypto.subtle) return;
  const zeroBits = (bytes) => {
    let n = 0;
    for (const b of bytes) {
      if (b === 0) { n += 8; continue; }
      return n + Math.clz32(b) - 24;
    }
    return n;
  };
  let solved = false;
  form.addEventListener('submit', async (event) => {
    if (solved) return;
    event.preventDefault();
    const token = form.elements.token.value;
    const enc = new TextEncoder();
    for (let i = 0; ; i++) {
      const nonce = i.toString(36);
      const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', enc.encode(`${token}:${nonce}`)));
      if (zeroBits(hash) >= bits) {
        form.elements.pow.value = nonce;
        break;
      }
    }
    solved = true;
    form.submit();
  });
})();

// The city's areas as SVG: a tap sets the point (the server keeps only its H3 cell for the public).
function drawMap(form, status) {
  const box = document.getElementById('map');
  if (!box) return;
  fetch(`/api/v1/cities/${encodeURIComponent(form.dataset.city)}/units`, { headers: { accept: 'application/json' } })
    .then((r) => (r.ok ? r.json() : null))
    .then((fc) => {
      if (!fc?.features || fc.features.length === 0) return;
      const rings = [];
      for (const f of fc.features) {
        const g = f.geometry;
        const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
        for (const p of polys) rings.push(...p);
      }
      let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
      for (const ring of rings) for (const [x, y] of ring) {
        minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
      }
      const k = Math.cos(((minY + maxY) / 2) * Math.PI / 180);
      const W = (maxX - minX) * k;
      const H = maxY - minY;
      const ns = 'http://www.w3.org/2000/svg';
      const svg = document.createElementNS(ns, 'svg');
      svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
      svg.setAttribute('aria-hidden', 'true');
      svg.setAttribute('class', 'map');
      const path = document.createElementNS(ns, 'path');
      path.setAttribute('d', rings.map((ring) => `M${ring.map(([x, y]) => `${(x - minX) * k},${maxY - y}`).join('L')}Z`).join(''));
      path.setAttribute('fill', '#e8eef7');
      path.setAttribute('stroke', '#0b5394');
      path.setAttribute('stroke-width', String(W / 400));
      svg.appendChild(path);
      const marker = document.createElementNS(ns, 'circle');
      marker.setAttribute('r', String(W / 80));
      marker.setAttribute('fill', '#b00020');
      marker.setAttribute('visibility', 'hidden');
      svg.appendChild(marker);
      svg.addEventListener('click', (event) => {
        const pt = svg.createSVGPoint();
        pt.x = event.clientX;
        pt.y = event.clientY;
        const p = pt.matrixTransform(svg.getScreenCTM().inverse());
        form.elements.lon.value = (minX + p.x / k).toFixed(6);
        form.elements.lat.value = (maxY - p.y).toFixed(6);
        marker.setAttribute('cx', String(p.x));
        marker.setAttribute('cy', String(p.y));
        marker.setAttribute('visibility', 'visible');
        if (status) status.textContent = status.dataset.done || '';
      });
      box.appendChild(svg);
      box.hidden = false;
    })
    .catch(() => {});
}
