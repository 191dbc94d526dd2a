// Optional enhancement of the report form: the "use my location" button and a light proof of work (SHA-256 of
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
