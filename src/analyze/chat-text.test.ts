// A chat message as the question it asks: what chat tools add around it is taken out.
import { describe, expect, it } from 'vitest';
import { chatQuestion } from './chat-text.js';

describe('chatQuestion', () => {
  it('takes out links, emoji, [表情] codes and 「商品卡片」 placeholders with their title and price', () => {
    expect(chatQuestion('https://item.taobao.com/item.htm?id=548434287309 说好的赠品呢')).toBe('说好的赠品呢');
    expect(chatQuestion('优惠券怎么用😭🙏🏻')).toBe('优惠券怎么用');
    expect(chatQuestion('发票怎么开[流泪]')).toBe('发票怎么开');
    expect(chatQuestion('「商品卡片」北欧风落地灯 ¥299 怎么领优惠券')).toBe('怎么领优惠券');
    expect(chatQuestion('【图片】这个有破损')).toBe('这个有破损');
    expect(chatQuestion('看下这个 www.example.com/a?b=1 能退吗')).toBe('看下这个 能退吗');
  });

  it('takes out the order and phone numbers a customer quotes, with their labels, but keeps a parcel number\'s label', () => {
    expect(chatQuestion('订单号2140570908784866847 几号发货')).toBe('几号发货');
    expect(chatQuestion('订单号：2140570908784866847，几号发货')).toBe('几号发货');
    expect(chatQuestion('礼品卡能退吗 电话13893694335')).toBe('礼品卡能退吗');
    expect(chatQuestion('我的快递单号是YT12345678901查不到')).toBe('我的 快递单号 查不到');
    // short numbers are part of the question
    expect(chatQuestion('175 140斤穿多大的')).toBe('175 140斤穿多大的');
  });

  it('takes out a device\'s serial number or IMEI, letters and digits alike, and keeps its label (a service centre\'s log)', () => {
    expect(chatQuestion('我的笔记本开不了机了 SN PF3K2M9X')).toBe('我的笔记本开不了机了 SN');
    expect(chatQuestion('SN: PF3K2M9X 笔记本还在保修期吗')).toBe('SN 笔记本还在保修期吗');
    expect(chatQuestion('序列号是C02XK0ABJG5H，查不到保修')).toBe('序列号，查不到保修');
    expect(chatQuestion('查保修 IMEI 356938035643809')).toBe('查保修 IMEI');
    expect(chatQuestion('串号867530912345678 能保修吗')).toBe('串号 能保修吗');
    expect(chatQuestion('S/N 5CD1234XYZ keyboard broken')).toBe('S/N keyboard broken');
    expect(chatQuestion('my serial number is FVFXC2ABHV2D, is it covered')).toBe('my serial number, is it covered');
    // no code: the label is what is asked about; a model's name is no serial number
    expect(chatQuestion('序列号在哪里')).toBe('序列号在哪里');
    expect(chatQuestion('IMEI怎么查')).toBe('IMEI怎么查');
    expect(chatQuestion('SN是什么意思')).toBe('SN是什么意思');
    expect(chatQuestion('WH-1000XM4 保修多久')).toBe('WH-1000XM4 保修多久');
  });

  it('reads a message with a long run of spaces at once (three \\s* around the label of a quoted number took minutes)', () => {
    const started = performance.now();
    expect(chatQuestion(`${' '.repeat(2000)}订单号 2140570908784866847 几号发货`)).toBe('几号发货');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('masks the e-mail addresses, phone numbers and order ids of an English message (… inside it, nothing at its ends)', () => {
    expect(chatQuestion('where is my order #1042')).toBe('where is my order');
    expect(chatQuestion('where is my order #1043 ??')).toBe('where is my order?');
    expect(chatQuestion('where is my order AUR-2291834')).toBe('where is my order');
    expect(chatQuestion('can I change my delivery address order #AUR-2291834')).toBe('can I change my delivery address order');
    expect(chatQuestion('where is my order, order number 100239455')).toBe('where is my order');
    expect(chatQuestion('call me on 07700 900123 about my refund')).toBe('call me on … about my refund');
    expect(chatQuestion('email me at jane.doe@gmail.com about the refund')).toBe('email me at … about the refund');
    for (const phone of ['+44 7700 900123', '(555) 123-4567', '555-123-4567', '+1 555 123 4567', '020 7946 0958', '138 0013 8000']) expect(chatQuestion(`my number is ${phone}, call me`)).toBe('my number is …, call me');
    // dates, a model's number, a rank and short numbers are part of the question
    for (const kept of ['ordered on 2026-03-01 10:00 not arrived', 'my studio 700 stopped working', 'WH-1000XM4 pairing', 'ranked #1 product', 'sku 12345 in stock?']) expect(chatQuestion(kept)).toBe(kept);
  });

  it('makes one line of a message over several, without the calls before it or the marks after it', () => {
    expect(chatQuestion('退款多久到账\n订单号：2376710981130600636')).toBe('退款多久到账');
    expect(chatQuestion('收货地址填错了怎么改\n急')).toBe('收货地址填错了怎么改');
    expect(chatQuestion('亲，在吗？退货要自己出运费吗？？？😭')).toBe('退货要自己出运费吗？');
    expect(chatQuestion('客服，赠品漏发了 急急急')).toBe('赠品漏发了');
    expect(chatQuestion('在吗 怎么还不发货 急')).toBe('怎么还不发货');
    // …but a word that ends in 急 is asked about (有没有发票加急 became 有没有发票加 in kb gaps and its drafts)
    expect(chatQuestion('怎么还不发货急')).toBe('怎么还不发货');
    expect(chatQuestion('有没有发票加急')).toBe('有没有发票加急');
    expect(chatQuestion('订单能加急吗 急急急')).toBe('订单能加急吗');
    expect(chatQuestion('订单加急？？急')).toBe('订单加急？');
    expect(chatQuestion('退款很急')).toBe('退款很急');
    expect(chatQuestion('紧急')).toBe('紧急');
    // a question word that begins a question stays, and so do words that begin with a call's character
    expect(chatQuestion('请问可以开发票吗')).toBe('请问可以开发票吗');
    expect(chatQuestion('亲子装有吗')).toBe('亲子装有吗');
    expect(chatQuestion('亲请问有优惠吗')).toBe('请问有优惠吗');
    expect(chatQuestion('history of my orders?')).toBe('history of my orders?');
    // 客服 is a call only before a mark or another call: 客服电话 is asked about
    expect(chatQuestion('客服电话是多少')).toBe('客服电话是多少');
    expect(chatQuestion('客服在吗 发票怎么开')).toBe('发票怎么开');
    // thanks after the question, on request (kb eval --suggest); kb gaps keeps them for its small talk
    expect(chatQuestion('请问7天无理由退货吗？谢谢', { thanks: false })).toBe('请问7天无理由退货吗？');
    expect(chatQuestion('退货运费谁出，多谢了', { thanks: false })).toBe('退货运费谁出');
    expect(chatQuestion('感谢信怎么写', { thanks: false })).toBe('感谢信怎么写');
    expect(chatQuestion('谢谢', { thanks: false })).toBe('谢谢');
    // the chat abbreviations of thanks and please too, one or more, as words (warranty does not end in ty)
    expect(chatQuestion('你们是正品吗 thx', { thanks: false })).toBe('你们是正品吗');
    expect(chatQuestion('where is my order? pls, ty!', { thanks: false })).toBe('where is my order?');
    expect(chatQuestion('can I get a refund thank you', { thanks: false })).toBe('can I get a refund');
    expect(chatQuestion('发票怎么开 plz', { thanks: false })).toBe('发票怎么开');
    expect(chatQuestion('how long is the warranty', { thanks: false })).toBe('how long is the warranty');
    expect(chatQuestion('how long is the warranty ty', { thanks: false })).toBe('how long is the warranty');
    expect(chatQuestion('thx', { thanks: false })).toBe('thx');
    expect(chatQuestion('请问7天无理由退货吗？谢谢')).toBe('请问7天无理由退货吗？谢谢');
  });

  it('takes out emoticon and media codes, not a button named in brackets', () => {
    expect(chatQuestion('点击[申请售后]没反应[捂脸]')).toBe('点击[申请售后]没反应');
    expect(chatQuestion('[图片]这个能退吗')).toBe('这个能退吗');
  });

  it('leaves nothing of a greeting, a one-mark reply or a bare link', () => {
    for (const m of ['在吗', '亲', '亲亲在吗？？', '？', '[表情]', '👍', 'https://m.tb.cn/h.abc', '订单号2140570908784866847', '  ']) expect(chatQuestion(m)).toBe('');
    // replies with words are left to the gap clustering's small talk
    expect(chatQuestion('好的谢谢')).toBe('好的谢谢');
  });
});
