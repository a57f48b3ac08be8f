import type { Random } from './random';

const surnamesHant = '陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周徐蘇葉莊呂江何蕭羅高潘簡朱鍾游彭詹胡施沈余盧梁趙顏柯翁魏孫戴'.split('');
const surnamesHans = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁'.split('');
const givenHant = '志明俊傑家豪建宏怡君淑芬美玲雅婷佳蓉冠宇承恩宗翰欣怡思妤詠晴子涵柏翰品妍宥廷書豪心怡家瑜文彬玉蘭'.split('');
const givenHans = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英文辉玲华红建国志梅林浩宇欣怡子涵梓萱雨泽'.split('');
const latinFirst = ['Alice', 'Ben', 'Chloe', 'David', 'Emma', 'Frank', 'Grace', 'Henry', 'Ivy', 'Jack', 'Kevin', 'Lily', 'Mia', 'Nathan', 'Olivia', 'Peter', 'Queenie', 'Ryan', 'Sophie', 'Tom', 'Vivian', 'William', 'Zoe', 'José', 'Chloé', 'Zoë'];
const latinLast = ['Chen', 'Lin', 'Wang', 'Lee', 'Wong', 'Chan', 'Liu', 'Huang', 'Smith', 'Johnson', 'Brown', 'García', 'Müller', 'Nguyen', 'Tan', 'Lim', 'Ng', 'Ho', 'Cheung', 'Yeung'];

export type NameScript = 'hant' | 'hans';

/** Surnames are listed from most to least common, and picked that way. */

/** A believable customer name: mostly Chinese (in the shop's script), some Latin, a few mixed. */
export const customerName = (random: Random, script: NameScript): string => {
  const roll = random.next();
  if (roll < 0.72) {
    const surnames = script === 'hant' ? surnamesHant : surnamesHans;
    const given = script === 'hant' ? givenHant : givenHans;
    const length = random.chance(0.82) ? 2 : 1;
    let name = random.pickSkewed(surnames);
    for (let i = 0; i < length; i += 1) name += random.pick(given);
    return name;
  }
  if (roll < 0.95) return `${random.pick(latinFirst)} ${random.pick(latinLast)}`;
  const surnames = script === 'hant' ? surnamesHant : surnamesHans;
  return `${random.pick(latinFirst)} ${random.pick(surnames)}`;
};

const digits = (random: Random, count: number): string => Array.from({ length: count }, () => random.int(0, 9)).join('');

/** A phone number written the way people in that country write it. */
export const phoneNumber = (random: Random, country: string): string => {
  switch (country) {
    case 'TW':
      return `09${random.int(0, 9)}${random.int(0, 9)}-${digits(random, 3)}-${digits(random, 3)}`;
    case 'CN':
      return `1${random.pick(['3', '5', '7', '8', '9'])}${random.int(0, 9)} ${digits(random, 4)} ${digits(random, 4)}`;
    case 'HK':
    case 'MO':
      return `${random.pick(['5', '6', '9'])}${digits(random, 3)} ${digits(random, 4)}`;
    default:
      return `(${random.int(201, 989)}) ${random.int(200, 999)}-${digits(random, 4)}`;
  }
};

export const emailFor = (random: Random, index: number): string =>
  `${random.pick(['mei', 'jay', 'kiki', 'leo', 'amy', 'max', 'yu', 'hsu', 'tina', 'sam'])}${index}@${random.pick(['example.com', 'mail.example.org', 'example.net'])}`;

export const tagPool = {
  hant: ['VIP', '學生', '上班族', '附近居民', '團購', '外送常客'],
  hans: ['VIP', '学生', '上班族', '附近居民', '团购', '外卖常客'],
  en: ['VIP', 'student', 'office worker', 'neighbour', 'group buy', 'delivery regular'],
};

export const interestPool = {
  hant: ['手沖咖啡', '甜點', '新品', '會員活動', '節慶禮盒', '健康飲食'],
  hans: ['手冲咖啡', '甜点', '新品', '会员活动', '节庆礼盒', '健康饮食'],
  en: ['pour-over coffee', 'desserts', 'new arrivals', 'member events', 'gift boxes', 'healthy food'],
};

export const visitItemPool = {
  hant: ['拿鐵', '美式咖啡', '蛋糕', '三明治', '手沖單品', '貝果', '抹茶拿鐵', '禮盒'],
  hans: ['拿铁', '美式咖啡', '蛋糕', '三明治', '手冲单品', '贝果', '抹茶拿铁', '礼盒'],
  en: ['latte', 'americano', 'cake', 'sandwich', 'pour-over', 'bagel', 'matcha latte', 'gift box'],
};

export const staffNames = {
  hant: ['阿芳', '小陳', '美玲'],
  hans: ['阿芳', '小陈', '美玲'],
  en: ['Amy', 'Ben', 'Carla'],
};

/**
 * The same person's name as a second entry would have it: one Chinese character misheard (王小明 →
 * 王曉明 style), or a Latin name typed in lower case.
 */
export const nameVariant = (random: Random, name: string, script: NameScript): string => {
  const characters = [...name];
  if (/\p{Script=Han}$/u.test(name) && characters.length >= 2) {
    const given = script === 'hant' ? givenHant : givenHans;
    const replacement = given.filter((character) => character !== characters.at(-1));
    return [...characters.slice(0, -1), random.pick(replacement)].join('');
  }
  return name.toLowerCase();
};
