/**
 * The built-in after-sales lexicon: groups of words customers and policies use for the same
 * thing — how a customer says it (弄丢, 卖家, 退钱) next to how a rule says it (灭失, 经营者,
 * 退款). The build turns each group into weighted query expansions (a query word also looks for
 * the other words of its group, at a lower weight), so it bridges colloquial and formal language
 * without merging the words the way a synonyms file does. `kb build --no-lexicon` turns it off;
 * a team's own synonyms file (exact equivalents) is applied on top.
 *
 * Multi-character words only: a single character is too ambiguous to expand.
 */
export const AFTER_SALES_LEXICON: readonly (readonly string[])[] = [
  // returns, refunds, exchanges
  ['退货', '退回', '退掉', '退还', '退换货'],
  // sending goods back as customers say it (烂果要寄回去吗) and as rules write it (需要退回吗); not 退货's:
  // a return's 寄回 steps are another matter than the goods a rule says need not go back
  ['退回', '寄回', '寄还'],
  ['退款', '退钱', '返款', '退费', '返还货款', '退还货款'],
  ['换货', '调换', '更换', '换新', '换一个', '换个'],
  ['无理由退货', '七天无理由', '七日无理由'],
  // why a customer returns without a fault: 不想要了, 买错了 → the no-reason return (related only)
  ['不想要', '无理由退货', '七天无理由', '买错', '拍错', '不喜欢', '不合适'],
  ['拒收', '拒绝收货', '不收货', '拒签'],
  ['补发', '重发', '重新发货'],
  // goods missing from a parcel (少发了一件 found nothing of 少件, 漏发)
  ['漏发', '少发', '少件', '缺件', '发少了'],
  // price protection, and what a customer says when the price dropped (买贵了, 降价了: related only)
  ['价格保护', '保价', '价保'],
  ['降价', '价格保护', '保价', '买贵了', '补差价', '便宜了', '降价了', '价格降了'],
  // logistics
  ['快递', '物流', '包裹', '快件', '邮寄', '寄件'],
  // 承运人 is every carrier of the law; each kind of carrier is its own group, so 航司 looks for
  // 承运人 and 航空公司, not for 快递公司 (and uses none of the question's few expansion slots on it)
  ['快递公司', '物流公司', '承运人', '运输公司', '快递员', '送货员'],
  ['航空公司', '航司', '承运人'],
  ['出租车', '网约车', '客运公司', '司机', '驾驶员', '承运人'],
  ['铁路', '铁路局', '承运人'],
  ['托运人', '寄件人', '发货人', '寄货人'],
  ['发货', '寄出', '发出', '出库'],
  ['收货', '签收', '收件', '收到货'],
  ['收货人', '收件人'],
  ['运费', '邮费', '快递费', '配送费', '运输费'],
  ['配送', '送货', '派送', '送达'],
  // the regions a delivery policy names by abbreviation, as customers name a place in them (a user test's
  // fruit shop: 香港能寄吗 found nothing of 港澳台, 发到哈尔滨要几天 nothing of 东北三省)
  ['港澳台', '香港', '澳门', '台湾'],
  ['江浙沪', '上海', '江苏', '浙江', '杭州', '南京', '苏州', '宁波'],
  ['东北三省', '黑龙江', '吉林', '辽宁', '哈尔滨', '长春', '沈阳', '大连'],
  ['京津冀', '北京', '天津', '河北', '石家庄'],
  ['珠三角', '广州', '深圳', '东莞', '佛山', '珠海'],
  // the regions a shipping table names (华南 | 2-4天), as customers name a province in them (发到广东要几天; related only)
  ['华东', '上海', '江苏', '浙江', '安徽', '山东', '福建', '江西'],
  ['华南', '广东', '广西', '海南'],
  ['华北', '北京', '天津', '河北', '山西', '内蒙古'],
  ['华中', '河南', '湖北', '湖南'],
  ['西南', '四川', '重庆', '云南', '贵州', '西藏'],
  ['西北', '陕西', '甘肃', '青海', '宁夏', '新疆'],
  // ---- a livestream clothing shop (抖音 / 快手 直播间; user trial, 2026-11-27) ----
  // how long a parcel takes, as customers ask it (几天能到) and as a shipping page's table heads it (预计到货时间);
  // not 多久到 / 几天到 (they would cut 退款多久到账 …多久到 | 账); related only
  // (多久到货 too: a table's 预计到货时间 column is asked 寄到江浙沪多久到货？, docs/generate.md; not 到货 alone, which
  // 没收到货 and 什么时候到货 (restocking) hold, and which no time is: it led 没收到货 to the delivery times)
  ['到货时间', '几天能到', '多久能到', '几天能收到', '多久能收到', '送达时间', '配送时效', '物流时效', '快递时效', '多久到货', '几天到货'],
  // a parcel that is late, as customers say it (怎么还不到, 迟迟不到) and as a page heads it (物流延迟, 未送达); related
  // only, and not 还不到 alone (还不到一周 is "less than a week"): 怎么还不到 is cut whole
  ['怎么还不到', '延误', '延迟', '物流延迟', '配送延迟', '未送达', '迟迟不到', '一直不到', '还没送到'],
  // the parcel's number (快递单号在哪看 for a page's 物流单号); 订单号 is the order's
  ['物流单号', '快递单号', '运单号', '快递单'],
  // the receiver pays the postage (到付件仓库一律拒收): a word, not 到 | 付
  ['到付', '运费到付', '到付件'],
  // ordered the wrong thing (下错单了 for a rule on 拍错颜色、尺码); related only
  ['下错单', '拍错', '买错', '选错', '下错'],
  // a livestream's hours as customers ask them (几点开播, 什么时候直播) and its end (下播 for 直播结束); related only
  ['开播', '直播时间', '几点直播', '什么时候直播', '上播'],
  ['下播', '直播结束', '关播'],
  // the price only said in the livestream
  ['直播价', '直播间专属价', '直播专属价', '直播间价格'],
  // a giveaway drawn in the livestream, as customers call it; related only
  ['福袋', '抽奖', '福袋奖品'],
  ['粉丝团', '粉丝灯牌', '灯牌'],
  // clothing: a fleece lining and a thicker make are words (有加绒的吗 was cut 有加 | 绒 where jieba does not know
  // 加绒); the tag a return needs; underwear a no-reason return excludes; shrinking, split seams and a smell as
  // customers say them (all related only but 加绒)
  ['加绒', '加绒款', '带绒', '绒里'],
  ['加厚', '加厚款', '厚款'],
  ['吊牌', '标签', '吊卡', '商标'],
  ['贴身衣物', '内衣', '内裤', '袜子', '文胸'],
  ['缩水', '缩了', '洗小了', '缩小', '变小了'],
  ['开线', '脱线', '开缝', '线开了'],
  ['异味', '怪味', '有味道', '臭味', '一股味'],
  ['丢失', '弄丢', '搞丢', '丢件', '遗失', '灭失', '丢了', '找不到了'],
  ['损坏', '弄坏', '坏了', '毁损', '破损', '损毁', '摔坏', '受损', '压坏', '压碎', '摔碎', '磕坏', '碰坏'],
  ['延误', '晚点', '延迟', '耽误', '迟延'],
  // ---- after-sales problems as customers say them (written from the trade, not from one suite, 2026-11-28) ----
  // Each group ties the everyday words of one problem to the words shops' policies write for it; all related
  // only (a crack is one kind of 破损, 不想要了 asks to cancel or to return, a 不制冷 fridge is one 故障).
  // damaged on arrival: what the customer sees (外壳裂了, 箱子破了, 压扁了) for the rule's 破损 / 损坏
  ['破损', '损坏', '裂了', '裂开', '开裂', '裂缝', '碎了', '破了', '压扁', '变形', '凹陷', '摔烂', '撞坏'],
  // a fault: what the appliance no longer does (不制冷, 开不了机, 没反应) for the warranty's 故障 (not 用不了: 优惠券用不了)
  ['故障', '坏了', '失灵', '没反应', '不开机', '开不了机', '死机', '不加热', '不制冷', '不出水', '不工作', '漏水', '漏电'],
  // cancelling: 不要了 / 不想要 / 不买了 before the parcel leaves is the order's 取消 (after it, the no-reason return above)
  ['不要了', '取消', '不想要', '不买了', '不想买了', '不想买'],
  // the wrong goods sent, as customers say it (发错了, 货不对) for a page's 发错货 / 错发 (not 不是我买的 / 不是我要的:
  // a phrase the vocabulary cuts whole takes its 买 / 要 from the question — 我买的白色 给我发了个粉的 lost its 买)
  ['发错货', '发错', '错发', '发错了', '货不对', '货不对板'],
  // a parcel whose tracking has stopped: 没动静, 一动不动 for a page's 不更新 / 未更新 / 停滞 (not 卡在: 储值卡在哪买
  // would be cut 储值 | 卡在; nor 卡住 alone: 拉链卡住了, 手机卡住了 are faults — a parcel's 卡住 / 卡在 is chat.ts's
  // 滞留, PARCEL_STUCK)
  ['不更新', '没更新', '未更新', '不动了', '没动静', '没有动静', '一动不动', '停滞', '滞留', '查不到', '没物流', '没有物流信息'],
  ['中转站', '中转', '转运中心', '分拨中心', '集散中心'],
  // a payment that fails, as customers say it (付不了款, 支付不成功, 交易异常), and money taken (扣了钱) for a page's 已扣款
  ['付款失败', '支付失败', '付不了款', '付不了', '支付不了', '付款不成功', '支付不成功', '交易失败', '扣款失败', '支付异常', '付款异常', '交易异常'],
  ['扣款', '扣钱', '扣了钱', '钱扣了', '被扣钱', '已扣款'],
  // the size to exchange for, as shoppers say it (换大一码, 小一号) for a page's 尺码
  // whether the goods were used, as a return rule writes it (未使用, 已使用) and as a customer says it (用过了)
  ['未使用', '已使用', '使用过', '用过', '用过了'],
  // points and cards spent as money: a customer's 当钱花 / 抵钱 for a rule's 抵扣 / 抵现
  ['抵扣', '抵现', '抵钱', '抵用', '当钱用', '当钱花'],
  // an account one cannot get into: 登不上 / 登录不了 for a page's 登录失败 / 无法登录, and a forgotten password
  ['登录失败', '无法登录', '登不上', '登录不了', '登陆不上', '登不进去'],
  ['忘记密码', '密码忘了', '忘了密码', '找回密码', '重置密码'],
  ['尺码', '码数', '码子', '大一码', '小一码', '大一号', '小一号', '大码', '小码', '换码'],
  // where a return goes: a customer's 寄回哪里 for a page's 退货地址 (not 寄到哪里 alone: 能寄到哪里 asks where the shop
  // delivers; nor 寄到哪个地址, a phrase that would take its 地址 from the question)
  ['退货地址', '寄回地址', '退回地址', '退件地址', '售后地址', '寄修地址', '寄回哪里', '寄回哪', '寄去哪里'],
  ['地址', '收货地址', '住址'],
  // ---- furniture and large appliances delivered and installed by the shop's own crew (user trial, 2026-11-27) ----
  // stairs: 没电梯住6楼 for a rule that writes 无电梯 / 楼层费 / 上楼费 (搬运费 a word of its own, so
  // that a similar question never makes 搬运费 搬邮费)
  ['上楼费', '楼层费', '搬楼费', '爬楼费', '搬运费', '上楼搬运费'],
  ['无电梯', '没电梯', '没有电梯', '楼梯房', '步梯房'],
  ['远距离搬运', '搬很远', '搬得远', '长距离搬运', '二次搬运'],
  // the crew delivers and installs in one visit (送装一体), or comes to install (上门安装)
  ['送装一体', '送装', '送货安装', '配送安装', '送货并安装'],
  ['上门安装', '预约安装', '安装服务', '师傅安装'],
  ['安装费', '安装费用', '装机费', '安装收费'],
  // taking the old one away (拉走, 搬走 as customers say it), and trading it in (以旧换新 whole, so that
  // 换新 in it never becomes 换货)
  ['拆旧', '拆除旧', '拉走', '搬走', '清运', '旧家具回收'],
  ['以旧换新', '旧机回收', '回收旧机', '旧家电回收'],
  ['打孔', '打洞', '钻孔', '开孔', '墙孔', '穿墙孔'],
  ['空跑费', '空跑', '二次上门费'],
  ['改约', '改期', '改时间', '改个时间', '换个时间', '重新预约', '更改预约'],
  ['外包装', '外箱', '包装箱', '纸箱', '箱子'],
  ['验货', '开箱验货', '当面验货', '开箱检查'],
  ['划痕', '划伤', '刮花', '刮痕', '划了'],
  ['色差', '颜色不一样', '颜色不对', '颜色差异'],
  ['试睡', '试睡期', '试睡服务'],
  // where the crew does not go: a policy's 偏远地区 (乡镇、村、海岛), a customer's 农村, 乡下 (related only)
  ['偏远地区', '乡镇', '农村', '乡下', '村里', '山区', '海岛'],
  ['整机保修', '整机质保', '整机三包'],
  ['投诉电话', '投诉专线', '投诉热线'],
  // opened, as a return policy writes it (已拆封) and as customers say it (拆了, 拆开, 拆箱了): the verb, not
  // 拆了包装 as one word, which took 拆 out of every text that writes it (a catalogue's 盒子拆了还给退吗
  // then lost 22 of its products' rows to …激活了还能退吗)
  ['拆封', '开封', '拆包装', '拆了', '拆开', '打开包装', '拆箱'],
  // a size that is not as described (长宽高 in the rule, 短了5公分 in the chat; related only)
  ['尺寸', '长宽高', '长度', '宽度', '高度', '大小'],
  ['厘米', '公分'],
  // commercial use a warranty excludes (宾馆, 出租屋), as a customer names the place (酒店; related only)
  ['商用', '宾馆', '酒店', '出租屋', '民宿', '洗衣店'],
  // ---- virtual goods: phone and game top-ups, memberships, card codes, licence keys, e-vouchers (user trial, 2026-11-27) ----
  // the words a virtual-goods shop's rules use are cut whole (区服, not 区|服: 游戏区服选错了 found only 区) and
  // meet the customer's: 没生效 / 未开通, 几个人一起用 / 几台设备同时. Several are related only (RELATED_ONLY_HEADS):
  // in another shop's sentence they say something else (an appliance's 序列号 is no 激活码, a 儿童座椅 no
  // 未成年人座椅, 一次最多可以购买几台 no …几个人, 话费未到账 no 话费没收到钱)
  ['话费', '电话费', '手机费'],
  ['点券', '点卷', '游戏币'],
  ['区服', '大区', '游戏区'],
  ['自动续费', '自动扣费', '自动扣款', '连续包月', '连续包年', '连续包季', '自动续订'],
  ['卡密', '卡号密码', '充值卡'],
  ['激活码', '序列号', '产品密钥', '注册码'],
  ['未生效', '没生效', '不生效', '未开通', '没开通'],
  ['未到账', '没到账', '没有到账', '还没到账'],
  // (related only: money not received is one thing a top-up that has not arrived may be)
  ['没收到钱', '未到账', '没到账', '没有到账', '还没到账'],
  ['电子券', '券码', '兑换券', '团购券'],
  ['未成年人', '未成年', '小孩', '孩子', '儿童', '小朋友'],
  ['监护人', '家长', '父母'],
  ['几台设备', '几个人', '同时在线', '同时登录'],
  // (a customer's bare 几台 counts devices: never 几个人 — an appliance shop's 一次最多可以购买几台)
  ['几台', '几台设备'],
  ['携号转网', '转网'],
  // parties
  ['商家', '卖家', '店家', '商户', '经营者', '销售者', '店铺', '网店'],
  ['买家', '顾客', '消费者', '客户', '用户', '购买者'],
  ['厂家', '厂商', '生产者', '生产商', '制造商'],
  // the parties as the civil code names them (买卖, 保证, 中介合同)
  ['卖家', '出卖人', '卖方', '卖主'],
  ['买家', '买受人', '买方', '买主'],
  ['担保人', '保证人'],
  ['中介', '中介人', '中介公司', '房产中介'],
  ['平台', '电商平台', '购物平台', '网购平台', '电子商务平台'],
  ['客服', '人工客服', '售后客服', '服务热线'],
  // how to reach the shop: 售后电话多少 for a section that writes 服务热线 or 联系方式
  ['客服电话', '服务热线', '售后电话', '联系电话', '联系方式', '热线电话'],
  // money
  ['价格', '价钱', '售价', '费用', '收费'],
  ['付款', '支付', '付钱', '交钱', '缴费'],
  ['赔偿', '赔钱', '赔付', '补偿', '索赔', '赔偿损失'],
  ['定金', '订金', '押金', '保证金', '预付款'],
  ['优惠券', '红包', '折扣', '满减'],
  ['发票', '开票', '票据', '收据'],
  // what customers call the two kinds of 发票
  ['增值税专用发票', '专票', '专用发票'],
  ['普通发票', '普票', '电子普通发票'],
  ['包邮', '免运费', '免邮', '不要运费', '运费全免', '免费配送'],
  ['余额', '零钱', '账户余额'],
  ['提现', '取现', '取钱', '取出来', '提取现金'],
  ['信用卡', '银行卡', '储蓄卡'],
  ['分期', '分期付款', '分期还款'],
  ['借钱', '借款', '贷款', '借贷', '借给'],
  ['出借人', '贷款人', '债权人', '放贷'],
  ['借款人', '债务人', '欠钱的人'],
  ['还钱', '还款', '偿还', '归还'],
  ['欠款', '欠钱', '债务', '欠债'],
  ['利息', '利率', '计息'],
  ['手续费', '服务费'],
  // quality and warranty
  ['质量问题', '质量缺陷', '缺陷', '瑕疵', '次品', '不合格', '质量不合格', '质量差', '质量太差', '质量不好'],
  ['假货', '假冒', '伪劣', '冒牌', '山寨', '仿冒', '以假充真', '高仿'],
  ['保修', '质保', '三包', '保修期', '质保期'],
  ['维修', '修理', '返修', '修好', '报修'],
  // phones and laptops at a service centre: what happened to the device, as customers say it (屏裂了, 泡水了,
  // 拆过) and as a warranty's exclusions write it (屏幕碎裂, 进水, 私自拆机) (user test, 2026-11-27)
  ['碎屏', '屏碎', '屏裂', '屏幕碎裂', '屏幕裂了', '屏幕碎了'],
  ['进水', '泡水', '掉水里', '浸水', '入水', '进液'],
  ['拆机', '拆开', '拆过', '拆修'],
  ['刷机', '刷系统', '刷入', '刷了'],
  ['摔落', '摔了', '摔坏', '跌落', '掉地上'],
  ['过期', '变质', '腐烂', '坏掉'],
  // fresh food as customers report it and as a shop's rules write it (a user test's fruit and seafood
  // shop: 芒果烂了 found 芒果太硬怎么办 before 坏果赔付; 牛排化了, 冰袋化完了 nothing of 解冻, 融化)
  ['坏果', '烂果', '腐烂', '烂掉', '发霉', '坏掉'],
  ['解冻', '化冻', '融化', '化掉', '化开'],
  ['死亡', '死了', '死掉'],
  // (少称 as the shop's FAQ and rules write it, 缺秤 / 不够秤 as customers do: 少称了 was cut 少 | 称, 缺秤 read as 秤)
  ['缺斤少两', '短斤少两', '缺斤短两', '重量不足', '分量不足', '重量不够', '分量不够', '少秤', '少称', '缺秤', '不够秤'],
  // weights as a shop writes them and customers type them: 千克 was cut 千 | 克 and read as 克 (grams)
  ['公斤', '千克', 'kg'],
  // (related only: a card's or points' 有效期 is no food's 保质期 — 积分有效期 became 积分保质期 in a similar question)
  ['保质期', '有效期'],
  // when something runs out, as customers ask it (积分什么时候过期) and as rules write it (有效期, 到期自动清零); related only
  ['有效期', '过期', '到期', '失效'],
  // picking an order up oneself: 自提 a word (可以自提吗 was cut 自 | 提), and the shop's 到店自提
  ['自提', '自取', '到店自提', '门店自提', '上门自提'],
  // the Spring Festival as customers say it (过年发货吗, which found nothing) and as a delivery page writes it (春节期间)
  ['春节', '过年', '春节期间', '过年期间'],
  // an after-sales request turned down, as the shop writes it (驳回) and as customers say it (被拒绝了); related only
  // (not 不通过: a bank's 审核不通过 questions are cut otherwise then, and lose their answers)
  ['驳回', '被拒', '拒绝'],
  // a temperature as customers ask it (冷藏是几度, 多少度运输) and as a page heads it (温度); related only
  ['温度', '几度', '多少度'],
  // nobody at home to take a delivery, as customers say it and as a delivery page writes it (无人签收); related only
  ['无人签收', '没人在家', '家里没人', '不在家', '没人收', '无人在家'],
  // ---- a cross-border import (跨境进口) shop (user trial, 2026-11-28): customs, tax, real name, the bonded warehouse ----
  // customs clearance as a page writes it and customers read it in the tracking (清关中 was cut 清 | 关中); related only:
  // a 报关 (declaring) is no 清关 in a sentence
  ['清关', '通关', '清关中'],
  // customs inspecting a parcel (查验), as customers say it (被抽检了, 抽查); related only
  ['查验', '海关查验', '抽检', '抽查'],
  // a parcel held at customs (扣关 was cut 扣 | 关); related only
  ['扣关', '扣留', '海关扣留', '退运'],
  // the two ways a cross-border order ships, as customers shorten them (直邮的多久到, 保税区发货)
  ['海外直邮', '直邮', '国外直邮'],
  ['保税仓', '保税区', '保税仓库'],
  // the tax, as a tax page names it and customers ask it (要交税吗, 价格含税吗, 关税多少); related only: 交税 is a verb,
  // 关税 one part of the 综合税
  ['税费', '税款', '税金', '交税', '缴税', '含税'],
  ['综合税', '跨境电商综合税', '关税', '进口税'],
  ['缴税凭证', '完税凭证', '完税证明', '税单'],
  // who orders and who pays, as the real-name rule writes them and customers say them (下单人, 付款人)
  ['订购人', '下单人', '购买人'],
  ['支付人', '付款人'],
  // the real-name check and what it asks for; related only
  ['实名认证', '身份证', '身份信息'],
  // the yearly and per-order allowance, as customers name it (个人额度, 跨境额度); related only
  ['年度额度', '个人额度', '跨境额度', '年度交易限值'],
  // genuine goods as customers ask about them (保真吗, 是真货吗); related only
  ['正品', '保真', '真货', '正货'],
  // reselling what was bought for one's own use, as customers put it (转卖, 做代购) and a notice writes it; related only
  ['再次销售', '二次销售', '转卖', '倒卖', '代购'],
  // a label and a traceability code as customers look for them; related only
  ['中文标签', '中文说明', '中文说明书'],
  ['溯源码', '溯源二维码', '防伪码'],
  // wine as customers name it (红酒) and a tax table lists it (葡萄酒); related only: a white wine is no 红酒
  ['葡萄酒', '红酒', '红葡萄酒', '白葡萄酒'],
  // an overseas appliance: the version customers name (美版, 日版), its transformer and plug adapter; 美版 related only
  ['海外版', '美版', '日版', '欧版', '港版', '中国版', '国行'],
  ['变压器', '降压器', '转压器'],
  ['转换插头', '转换头', '插头转换器'],
  // a special or plain VAT invoice is one kind of 发票 (你们能开专票吗 met nothing of a FAQ's 可以开发票吗); related only
  ['专票', '发票', '增值税发票'],
  ['普票', '发票', '增值税发票'],
  ['说明书', '使用说明', '产品说明'],
  ['安全隐患', '危险', '不安全'],
  ['人身伤害', '受伤', '人身损害'],
  // rights, complaints, law
  ['投诉', '举报', '申诉', '维权'],
  ['起诉', '打官司', '诉讼', '提起诉讼', '告他'],
  ['仲裁', '调解', '协商'],
  ['合同', '协议', '契约', '合约'],
  // what customers call what the law names
  ['霸王条款', '格式条款'],
  ['概不负责', '免除责任', '免责'],
  ['不可抗力', '天灾', '自然灾害', '疫情'],
  ['改签', '改乘', '变更班次'],
  ['医疗费', '医药费', '治疗费'],
  ['精神损害赔偿', '精神损失费', '精神赔偿'],
  ['侵权责任', '赔偿责任', '损害赔偿'],
  ['退一赔三', '假一赔三', '三倍赔偿', '三倍'],
  ['违约', '毁约', '不履行', '违反约定'],
  ['解除合同', '解约', '终止合同'],
  ['取消', '撤销', '撤消', '撤回'],
  ['注销', '销户', '关闭账户'],
  ['虚假宣传', '虚假广告', '欺骗', '欺诈', '误导'],
  ['个人信息', '隐私', '个人资料'],
  ['责任', '负责', '承担责任'],
  ['义务', '应当', '职责'],
  ['权利', '权益', '权力'],
  ['证据', '举证', '证明'],
  ['转让', '转给', '出让', '转手'],
  // renting, transport, services (consumer disputes)
  ['租房', '租赁', '承租', '出租'],
  ['房子', '房屋', '住房'],
  ['房东', '出租人', '出租方'],
  ['租客', '房客', '承租人', '承租方'],
  // the parties of a contract as people name them: the law's X人 is their X方 (受托方不能如期交付, 保管方弄丢了),
  // and its 第三人 their 别人 (转给别人保管)
  ['委托人', '委托方'],
  ['受托人', '受托方'],
  ['保管人', '保管方', '保管员'],
  ['寄存人', '寄存方'],
  ['承揽人', '承揽方'],
  ['定作人', '定作方', '定做方'],
  ['发包人', '发包方'],
  ['承包人', '承包方'],
  ['赠与人', '赠与方'],
  ['供电人', '供电方'],
  ['第三人', '别人'],
  ['物业费', '物业服务费', '物业'],
  ['乘客', '旅客', '游客', '乘车人'],
  ['机票', '客票', '车票', '火车票'],
  ['航班', '飞机', '班次', '航空'],
  ['保管', '寄存', '存放'],
  // account and orders
  // 订单 is the order itself, 单号 its number (or a parcel's tracking number): not one thing
  ['订单号', '单号'],
  ['账号', '账户', '帐号', '帐户'],
  ['手机号', '手机号码', '电话号码', '号码'],
  ['密码', '登录密码', '支付密码'],
  ['修改', '更改', '变更', '改成'],
  ['查询', '查看', '查一下', '查到'],
  ['到账', '到帐', '入账'],
  ['审核', '审批', '批准'],
  ['额度', '借款额度', '信用额度'],
  // how customers ask
  ['怎么', '如何', '怎样', '怎么样', '咋'],
  ['什么', '啥'],
  ['多久', '多长时间', '几天', '多少天', '期限', '时限'],
  // a week as customers say it and as a policy writes it (7天 reads as 七天: chat.ts)
  ['七天', '一周', '一星期', '一个星期', '一个礼拜', '七日'],
  ['多少钱', '价格', '费用'],
  ['为什么', '为啥', '怎么回事'],
  // clothing (apparel trial, 2026-11-27): how a shopper says the fit and what washing did, as a clothing
  // shop's page writes it; whole words, so an English question's too big / pilling / faded reach them
  // (BILINGUAL_LEXICON) where jieba would cut 偏大 and 起球 in two
  ['偏大', '太大'],
  ['偏小', '太小'],
  ['起球', '起毛球'],
  ['掉色', '褪色', '串色'],
  ['可以', '能不能', '能否', '是否可以'],
  // English
  ['refund', 'money back', 'reimburse', 'reimbursement'],
  ['return', 'send back'],
  ['exchange', 'replace', 'replacement', 'swap'],
  ['shipping', 'delivery', 'postage', 'freight'],
  ['package', 'parcel', 'shipment'],
  ['lost', 'missing'],
  ['damaged', 'broken', 'defective', 'faulty'],
  ['warranty', 'guarantee'],
  ['repair', 'fix'],
  ['invoice', 'receipt', 'bill'],
  ['cancel', 'cancellation', 'withdraw'],
  ['complaint', 'complain', 'dispute'],
  ['fee', 'charge', 'cost', 'price'],
  ['seller', 'merchant', 'vendor', 'store', 'shop'],
  ['customer', 'buyer', 'consumer'],
  ['account', 'profile'],
  ['apply', 'application', 'sign up', 'enroll'],
  ['eligible', 'eligibility', 'qualify', 'qualified'],
  // (not work: in a shop's pages work is what a thing does — How scheduling works, not working — and a job
  // as a delivery driver was answered with How scheduling works at 0.70, user trial 2026-11-27)
  ['job', 'employment'],
  ['disabled', 'disability'],
  ['license', 'licence', 'permit'],
  // ---- Taiwan and Hong Kong shops (traditional text is read as simplified: 統編 → 统编) ----------------
  // Taiwan's seven-day cooling-off period (鑑賞期) is the mainland's seven-day no-reason return
  ['鉴赏期', '七天无理由', '无理由退货', '七日无理由'],
  // the company tax number a Taiwan invoice carries (打統編: print it on the invoice), the mainland 税号
  ['统一编号', '统编', '税号', '纳税人识别号'],
  // outlying islands, which delivery pages name as a whole (不提供離島配送) and customers by name
  ['离岛', '金门', '马祖', '澎湖', '绿岛', '兰屿', '小琉球', '长洲', '南丫岛', '坪洲', '大屿山'],
  // convenience-store pick-up and home delivery, as Taiwan pages write them
  ['超商取货', '超商', '便利商店', '便利店', '店到店'],
  ['宅配', '送货到府', '送货上门', '到府', '送上门'],
  // Hong Kong pick-up points: a customer's 智能櫃 or 自取點 for the page's 順豐站 自取 (related only: a
  // locker is no SF station)
  ['自取', '顺丰站', '智能柜', '自取点', '自提点', '快递柜', '丰巢'],
  // Hong Kong payments: 轉數快 is FPS, a card the page names by brand, 八達通 (Octopus)
  ['转数快', 'fps'],
  ['visa', 'mastercard', '信用卡', '万事达', '碌卡'],
  ['八达通', 'octopus'],
  // Hong Kong delivery areas: the New Territories and the islands, which a page calls 偏遠地區 or 離島
  ['新界', '偏远地区', '离岛', '元朗', '屯门', '天水围', '大埔', '上水', '粉岭', '西贡', '东涌'],
  // the warranty: 保養 in Hong Kong, 保固 in Taiwan, 保修 / 質保 on the mainland (related only: a
  // mainland page's 保养 is servicing, no warranty)
  ['保养', '保修', '保固', '质保'],
  // how long a job takes as Hong Kong pages write it (維修一般需時7至10個工作天) for a customer's 幾耐 (多久)
  ['需时', '多久', '多长时间'],
  // ---- English after-sales words, as customers write them (trial-english, 2026-11-26) -------------
  // Single words only: a group word the analyzer cuts into two terms (money back, send back) is left
  // out of query expansion (lexiconAssociations), so "I want my money back" needs money → refund.
  ['wrong', 'incorrect'],
  ['window', 'period'],
  ['damaged', 'smashed', 'cracked', 'dented', 'shattered', 'scratched', 'chipped'],
  ['voucher', 'coupon', 'promo'],
  ['phone', 'telephone'],
  // British and American spellings are one word to the analyzer (colour/color: BRITISH_AMERICAN in
  // english.ts); what differs by more than spelling is a group here
  ['postcode', 'zipcode', 'zip'],
  // consumer electronics: what goes wrong with a device, as customers and manuals say it
  ['connect', 'pair'],
  ['reset', 'restart', 'reboot'],
  ['frozen', 'freeze', 'stuck', 'unresponsive'],
  ['mic', 'microphone'],
  ['earbud', 'earphone'],
  ['headphone', 'headset'],
  // related only (RELATED_ONLY_HEADS): a word and its other forms the stemmer keeps apart, or the
  // everyday word for a policy's
  ['money', 'refund'],
  ['deliver', 'delivery'],
  ['fault', 'faulty'],
  ['break', 'broke', 'broken'],
  ['liable', 'liability', 'responsible'],
  ['customs', 'duties', 'import', 'vat'],
  ['call', 'phone', 'ring'],
  ['pet', 'dog', 'cat'],
  ['dispatch', 'shipped'],
  // clothing, as shoppers and a brand's help pages say it (apparel trial, 2026-11-27: my jumper is
  // bobbling found nothing of "Why is my sweater pilling?"); British and American names of one garment
  ['sweater', 'jumper', 'pullover'],
  ['trousers', 'pants'],
  ['hoodie', 'sweatshirt'],
  ['tee', 'tshirt'],
  ['pilling', 'bobbling'],
  // (a US fashion-and-home retailer's trial, 2026-11-27: can you return swimsuits found nothing of a
  // final-sale list's Swimwear and intimates)
  ['swimwear', 'swimsuit', 'bikini'],
  ['intimates', 'underwear', 'lingerie'],
  // related only: what a garment's fault or fit is called by the customer and by the page
  ['bobble', 'pilling'],
  ['stain', 'dye'],
  ['rip', 'tear', 'hole'],
  ['dryer', 'tumble'],
  ['loose', 'baggy', 'gape'],
  ['tight', 'snug'],
  ['bust', 'chest'],
  ['discount', 'promo', 'coupon'],
  // after-sales problems as customers put them (2026-11-28), related only: a crushed box or a bent leg is one kind of
  // damage (the box was crushed found a page's PO boxes), a stuck parcel one that is delayed (read as stock before)
  ['crushed', 'damaged', 'bent', 'busted', 'dinged', 'warped', 'snapped'],
  ['stuck', 'delayed', 'paused'],
  // a software subscription's billing, as its customers say it (SaaS trial, 2026-11-27: need 3 more licenses
  // found the plans table, not seats; can i pay in euros nothing of "What currency will I be billed in?")
  ['annual', 'yearly', 'annually'],
  // related only: a licence a subscription sells is a seat (not a driver's: no similar question says seat for it)
  ['seat', 'licence', 'license'],
  ['declined', 'failed', 'rejected', 'bounced'],
  ['currency', 'euro', 'euros', 'dollar', 'dollars', 'usd', 'eur'],
  ['unsubscribe', 'cancel'],
  // related only: a coin a customer names for the cryptocurrency a payments page refuses
  ['cryptocurrency', 'crypto', 'bitcoin'],
  // furniture and large home goods, as shoppers and a furniture shop's help pages say it (a US furniture
  // shop's trial, 2026-11-27: how do i clean my couch met the sofa-cleaning row through clean alone, is the
  // new york store open on sunday found nothing of the showrooms FAQ, can i get fabric samples nothing of swatches)
  ['sofa', 'couch', 'settee'],
  // related only: a showroom is one kind of store (and a store alone is also store credit), a swatch one kind
  // of sample (a cosmetics shop's free sample is none), a box the packaging, the everyday word for a page's
  // expedited or financing
  ['showroom', 'store'],
  ['swatch', 'sample'],
  ['packaging', 'box', 'carton'],
  ['expedited', 'rush', 'faster'],
  ['financing', 'finance', 'installment', 'instalment'],
  // ---- end of the English after-sales block ------------------------------------------------------
];

/**
 * Names of payment channels and brands that contain a lexicon word (支付宝 has 支付, 微信支付 has 支付,
 * 京东白条 has 京东): a similar question never swaps a word inside one of them (支付宝 → 付款宝).
 */
export const KNOWN_NAMES: readonly string[] = [
  '支付宝', '余额宝', '微信支付', '微信零钱', '花呗', '借呗', '京东白条', '白条', '云闪付', '银联', 'Apple Pay', 'PayPal',
  '淘宝', '天猫', '京东', '拼多多', '抖音', '顺丰', '中通', '圆通', '申通', '韵达', '邮政EMS', '菜鸟驿站', '丰巢',
];

/**
 * What a customer's one-character verb stands for when it stands alone in a question (能退吗,
 * 可以换吗, 能修吗): the first character expands to the words after it, never the other way round
 * (退货 does not look for 退). Inside a word (退出, 换手机号) the segmenter keeps it in that word.
 */
export const SHORT_FORMS: readonly (readonly string[])[] = [
  ['退', '退货', '退换货'],
  ['换', '换货'],
  ['修', '维修', '保修'],
  ['赔', '赔偿'],
  // 烂了, 化了, 臭了 (jieba cuts the one character off): the fresh-food words above
  ['烂', '腐烂', '坏果'],
  ['化', '解冻', '融化'],
  ['臭', '变质', '腐烂'],
  // a coupon as customers shorten it (几张券, 券用不了, 领券): a noun, but as ambiguous alone as a verb
  ['券', '优惠券'],
];

/**
 * Groups whose words are related but not interchangeable in a sentence (协商 is no 仲裁, 证明 the
 * verb is no 证据, 出租 is the other side of 承租, 机票 is no 火车票): good query expansions, wrong
 * similar questions. The similar-question generator leaves them out (named by their first word).
 */
const RELATED_ONLY_HEADS = new Set([
  '仲裁', '义务', '权利', '证据', '责任', '投诉', '起诉', '租房', '机票', '航班', '利息', '过期', '安全隐患',
  '虚假宣传', '出租车', '铁路', '审核', '质量问题', '概不负责', '不可抗力', '退一赔三', '额度', '人身伤害',
  '发货', '收货', '欠款', '借款人', '违约', '取消', '手续费', '保修', '维修', '假货', '个人信息', '发票', '不想要', '侵权责任', '降价',
  // a livestream clothing shop (user trial, 2026-11-27): a late parcel is no 延误 of a flight in a sentence, 拍错 no 选错 of a
  // menu, 开播 no 直播时间, a 福袋 no 抽奖 of another shop, 标签 a software's tag, 内裤 no 贴身衣物 in a sentence
  '到货时间', '怎么还不到', '下错单', '开播', '下播', '福袋', '粉丝团', '吊牌', '贴身衣物', '缩水', '开线', '异味',
  // (a credit card is no debit card: 银行卡需要多长时间？ became 信用卡需要多长时间？, user test u7)
  '信用卡',
  // (拉走 is no 拆旧 in a sentence, a 乡镇 no 海岛, a 箱子 no 外包装 of the goods, 搬很远 no 远距离搬运)
  '拆旧', '偏远地区', '外包装', '远距离搬运', '尺寸', '商用',
  // Taiwan and Hong Kong: an island is no other island, a tax number's name is a place's (统编 in a mainland shop's similar questions)
  '离岛', '统一编号', '自取', 'visa', '新界', '保养',
  // (烂果 is no 发霉, a 死了 no 死亡 in a sentence: 坏果赔付标准 asked 发霉赔付标准)
  '坏果', '死亡',
  // (a card's 有效期 is no food's 保质期, an expiry date no 过期 goods; 不在家 is no 无人签收 of a rule's sentence)
  '保质期', '有效期', '无人签收', '驳回', '温度',
  // (a city is no province, and no other city of its region)
  '港澳台', '江浙沪', '东北三省', '京津冀', '珠三角', '华东', '华南', '华北', '华中', '西南', '西北',
  // English (the block above)
  'money', 'deliver', 'fault', 'break', 'liable', 'customs', 'call', 'pet', 'dispatch',
  'bobble', 'stain', 'rip', 'dryer', 'loose', 'tight', 'bust', 'discount',
  'seat', 'declined', 'currency', 'unsubscribe', 'cryptocurrency',
  'crushed', 'stuck',
  'showroom', 'swatch', 'packaging', 'expedited', 'financing',
  // (a fading colour is no colour run onto other clothes: 洗后明显褪色、串色 became 洗后明显掉色、掉色)
  '掉色',
  // after-sales problems as customers say them (the block above)
  '破损', '故障', '不要了', '发错货', '不更新', '中转站', '付款失败', '扣款', '尺码', '退货地址', '抵扣', '登录失败', '忘记密码', '未使用',
  // virtual goods: words of another shop's sentences too (an appliance's 序列号, 儿童安全锁, 家长在场, 购买几台)
  '激活码', '未成年人', '监护人', '几台设备', '几台', '没收到钱',
  // a cross-border import shop (the block above)
  '清关', '查验', '扣关', '保税仓', '税费', '综合税', '实名认证', '年度额度', '正品', '再次销售', '中文标签', '溯源码', '葡萄酒', '海外版', '专票', '普票',
]);
export const RELATED_ONLY_GROUPS: ReadonlySet<readonly string[]> = new Set(AFTER_SALES_LEXICON.filter((g) => RELATED_ONLY_HEADS.has(g[0] ?? '')));

/**
 * What a section must be about for a group to stand in for a word it shares with another group:
 * 承运人 is every carrier of the law, so a similar question says 快递公司 for it only in a section
 * about goods and 航空公司 only in one about flights; in an article about passengers it is left as
 * it is (承运人应当…运输旅客 became 快递公司…运输旅客). Keyed by the group's first word; a word of one
 * group only is put in anywhere.
 */
export const GROUP_TOPICS: ReadonlyMap<string, RegExp> = new Map([
  ['快递公司', /货物|(?<!旅客)托运(?!行李)|收货人|快递|包裹|物流|快件|寄件|发货/u],
  ['航空公司', /航班|机票|飞机|登机|航空|机场/u],
]);

/**
 * Words of a group that say what money does as well as what goods do (款项原路退回, 押金退还 — and
 * 商品退回): a similar question puts one of them only in place of the other (款项会原路退回吗？ never
 * becomes 款项会原路退货吗？), though a goods word can become one of them (退货的运费 → 退回的运费).
 * As query expansions all of the group look for each other.
 */
const MONEY_OR_GOODS = new Set(['退回', '退还']);

/** Words that are only ever a verb phrase: put in only where the sentence's word ends a clause (怎么退货？ → 怎么退掉？, not 退货运费 → 退掉运费). */
const VERB_ONLY = new Set(['退掉', '换一个', '换个']);

/** How customers say that something broke or got lost (弄坏, 丢了): verbs, never a noun after 的 (货物的毁损 → 货物的弄坏). */
const COLLOQUIAL_VERBS = new Set(['弄丢', '搞丢', '丢件', '丢了', '弄坏', '坏了', '摔坏', '压坏', '压碎', '摔碎', '磕坏', '碰坏']);

/** What goods sell for: put in only for another word of a price (价格, 价钱), not for what a service costs (运输费用 → 运输售价). */
const SELLING_PRICE = new Set(['售价']);
const PRICE_WORDS = new Set(['价格', '价钱']);

/**
 * Can a similar question put `to` where a sentence has `word` (two words of one lexicon group),
 * `after` being what follows the word in the sentence and `before` what comes before it?
 */
export function swappable(word: string, to: string, after = '', before = ''): boolean {
  if (VERB_ONLY.has(to) && !/^(?:[吗呢吧啊了？?。！!，,]|$)/u.test(after)) return false;
  if (COLLOQUIAL_VERBS.has(to) && before.endsWith('的')) return false;
  if (SELLING_PRICE.has(to) && !PRICE_WORDS.has(word)) return false;
  // (a week already said: 7天无理由退货 became 7天七天无理由)
  if (/^[七7]\s*[天日]/u.test(to) && /[七7]\s*[天日]$/u.test(before)) return false;
  return !MONEY_OR_GOODS.has(word) || MONEY_OR_GOODS.has(to);
}
