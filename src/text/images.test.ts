import { describe, expect, it } from 'vitest';
import { imageText, withoutImageAddresses } from './images.js';

describe('an image kept in an answer', () => {
  it('reads as its alt text and address, or the address alone', () => {
    expect(imageText('挂架安装示意图', 'images/step2.png')).toBe('挂架安装示意图 (images/step2.png)');
    expect(imageText('', '/img/a.gif')).toBe('/img/a.gif');
  });
  it('gives the index its alt text, not its address; link addresses and figures stay', () => {
    expect(withoutImageAddresses('请按下图：\n挂架安装示意图 (images/step2.png)\n固定后挂上去。')).toBe('请按下图：\n挂架安装示意图  \n固定后挂上去。');
    expect(withoutImageAddresses('见下图：https://cdn.example.com/img/remote-2024.jpg?v=3').trim()).toBe('见下图：');
    expect(withoutImageAddresses('See the picture (https://x.com/a/b.PNG).')).toBe('See the picture  .');
    expect(withoutImageAddresses('访问 https://shop.example/fee 查看，价格1.5元')).toBe('访问 https://shop.example/fee 查看，价格1.5元');
  });
});
