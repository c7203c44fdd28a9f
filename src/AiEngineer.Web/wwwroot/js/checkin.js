// Camera scanning where the browser has the BarcodeDetector API; typing the code always works.
(function () {
    var start = document.getElementById('scan-start');
    var video = document.getElementById('scan-video');
    var status = document.getElementById('scan-status');
    var input = document.getElementById('Code');
    var form = document.getElementById('checkin-form');
    if (!start || !('BarcodeDetector' in window) || !navigator.mediaDevices) return;
    start.hidden = false;
    start.addEventListener('click', async function () {
        try {
            var detector = new window.BarcodeDetector({ formats: ['qr_code'] });
            var stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
            video.srcObject = stream;
            video.hidden = false;
            await video.play();
            status.textContent = status.getAttribute('data-point') || 'Point the camera at the QR code.';
            var scan = async function () {
                var codes = await detector.detect(video);
                if (codes.length > 0) {
                    stream.getTracks().forEach(function (t) { t.stop(); });
                    input.value = codes[0].rawValue;
                    form.submit();
                    return;
                }
                requestAnimationFrame(scan);
            };
            scan();
        } catch (e) {
            status.textContent = status.getAttribute('data-no-camera') || 'The camera is not available; type the code instead.';
        }
    });
})();
