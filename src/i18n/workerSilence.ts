/** Strings for a race worker that stopped answering (src/ui/race/WorkerSilence.tsx), English and Chinese (same keys; a test checks). */
const en = {
  workerSilence: {
    job: { race: 'The race', lesion: 'The measurement', landscape: 'The loss surface' },
    stopped:
      '{{what}} has stopped answering: nothing has come from the race’s worker for far longer than its steps take on this machine. The browser may have stopped the worker, for example when memory ran out.',
    againRace: 'Try again to start the race over in a fresh worker, or keep waiting if this machine is only very busy.',
    againKept:
      'Try again to move the trained networks to a fresh worker and start over there (the finished race is kept), or keep waiting if this machine is only very busy.',
    tryAgain: 'Try again',
    keepWaiting: 'Keep waiting',
  },
};

const zh: typeof en = {
  workerSilence: {
    job: { race: '赛跑', lesion: '删除块的测量', landscape: '损失曲面的计算' },
    stopped:
      '{{what}}没有响应了：赛跑的后台线程已经很久没有传来任何消息，远远超过在这台机器上每一步所需的时间。浏览器可能已经停止了这个线程，例如在内存不足时。',
    againRace: '点“再试一次”在新的后台线程中重新开始赛跑；如果这台机器只是非常繁忙，也可以继续等待。',
    againKept:
      '点“再试一次”把训练好的网络移到新的后台线程并在那里重新开始（已完成的赛跑会保留）；如果这台机器只是非常繁忙，也可以继续等待。',
    tryAgain: '再试一次',
    keepWaiting: '继续等待',
  },
};

export const workerSilenceStrings = { en, zh };
