// What `npm run preview` prints once the page is served. The host's PID comes from Windows node, so under
// Wine it is a Windows PID that `kill` on Linux knows nothing about; the way to stop the preview is the
// preview script's own (Linux) PID, whose SIGTERM handler stops the host and the wineserver it started.

/**
 * The lines printed when the preview is up: the URL with its key, where the host listens, and how to stop
 * the whole preview from this shell or another one.
 * @param {{ url: string, hostPort: number, hostPid: number, previewPid: number, platform: string }} p
 * @returns {string[]}
 */
export function previewBanner({ url, hostPort, hostPid, previewPid, platform }) {
  const hostWhere = platform === 'win32' ? `pid ${hostPid}` : `Windows pid ${hostPid} inside Wine`;
  const stop = platform === 'win32' ? `taskkill /pid ${previewPid}` : `kill ${previewPid}`;
  return [
    `Preview: ${url}  (host on 127.0.0.1:${hostPort}, ${hostWhere})`,
    `Stop: Ctrl+C here, or from another shell \`${stop}\` (stops the host${platform === 'win32' ? '' : ' and Wine'} too)`,
  ];
}
