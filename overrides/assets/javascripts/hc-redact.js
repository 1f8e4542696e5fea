/* hcRedact(text, maxLength): the text of a search query or a feedback comment
 * with everything that can identify a person or an account masked, before it
 * leaves the browser. Each match becomes a fixed token that says what was
 * removed:
 *
 *   [email]    e-mail addresses (also full-width ＠, after NFKC)
 *   [code]     the value after 验证码/驗證碼/OTP/PIN/CVV/password…: a secret
 *   [ref]      the value after 交易单号/订单号/流水号/參考編號/Ref/Txn ID/Order ID…,
 *              letter-and-digit codes of 10+ characters with 4+ digits
 *              (TXN20241202ABC123) and digit runs of 20+ digits
 *              (4200001234202412021234567890)
 *   [account]  IBANs (GB82 WEST 1234 5698 7654 32) and runs of 8–12 digits
 *   [id]       Chinese resident IDs (18 and old 15 digits), Hong Kong IDs
 *              (A123456(7)), Macau IDs (1234567(8)), Taiwan IDs and
 *              passport-like codes (one or two letters and 7–9 digits)
 *   [card]     13–19 digits, grouped by spaces or dashes or not
 *   [phone]    anything with a + or 00 prefix, mainland mobiles (with or
 *              without 86), landlines with an area code ((021) 1234 5678,
 *              020 7946 0958), 400/800 numbers, Taiwan 09xx mobiles, Hong
 *              Kong 4+4 numbers, US 3-3-4 / 3-4 numbers
 *   [number]   any other run of 6 or 7 digits (verification codes…)
 *   [name]     a name after 尊敬的/亲爱的/親愛的/Dear or after an explicit
 *              "姓名:"/"Name:" label; generic words (客户, Customer…) stay.
 *              A bare name elsewhere ("我叫张三", "my name is…") is not
 *              guessed at: too many ordinary words would go with it.
 *
 * Digits count as one run across single spaces, dashes, dots, commas,
 * slashes, underscores and area-code parentheses, so 138 0013 8000,
 * 138.0013.8000 and 4111/1111/1111/1111 are each one number. Deliberately
 * kept: amounts with a currency sign or code or with decimals (¥1,280.00,
 * HK$500, 1,280.00, 0.6%, 1280元), dates (2024-12-02, 2024.12.02,
 * 02/12/2024), times (14:30), and numbers of up to 5 digits (尾号1234,
 * "3 days"): none identifies anyone. An amount with neither (1,000,000) is
 * a number like any other.
 *
 * The output is NFKC-normalised (full-width letters, digits and punctuation
 * become ASCII), with control and invisible format characters removed, runs
 * of whitespace collapsed to one space and lone surrogates replaced by
 * U+FFFD. The input is cut to 2000 code points before any pattern runs, and
 * every pattern is linear or bounded, so a huge paste cannot hang the page;
 * the result is cut to maxLength code points (default 100, 300 for comments)
 * without splitting a surrogate pair or leaving half a token. Redacting twice
 * changes nothing, and no input makes it throw (an internal error returns ""). */
(function () {
  "use strict"

  var INPUT_CAP = 2000
  var DEFAULT_MAX = 100

  // --- cutting ------------------------------------------------------------

  // The index where the first n code points of s end.
  function codePointEnd(s, n) {
    var i = 0
    var count = 0
    while (i < s.length && count < n) {
      var c = s.charCodeAt(i)
      var pair = c >= 0xD800 && c <= 0xDBFF && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xFC00) === 0xDC00
      i += pair ? 2 : 1
      count++
    }
    return i
  }

  function stripTrailing(s, re) {
    var end = s.length
    while (end > 0 && re.test(s.charAt(end - 1))) end--
    return s.slice(0, end)
  }

  var RAW_WORD = /[0-9A-Za-z@._+\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF20\uFF0E]/
  var RAW_NUMBER = /[0-9\uFF10-\uFF19\s.,/_()+\-\uFF0D\uFF0E]/
  var OUT_ATOM = /[!-~\u00A5\u20AC\u00A3]/

  // The input cut to INPUT_CAP code points. When the cut lands inside a word
  // or a number, what is left of it goes too: the first digits of a card
  // number must not survive as a short, harmless-looking number.
  function capInput(s) {
    if (s.length <= INPUT_CAP) return s
    var end = codePointEnd(s, INPUT_CAP)
    if (end >= s.length) return s
    var cut = s.slice(0, end)
    if (RAW_WORD.test(s.charAt(end)) || RAW_NUMBER.test(s.charAt(end))) {
      cut = stripTrailing(cut, RAW_WORD)
      cut = stripTrailing(cut, RAW_NUMBER)
    }
    return cut
  }

  // The redacted text cut to max code points, never inside a token or an amount.
  function capOutput(s, max) {
    var end = codePointEnd(s, max)
    if (end >= s.length) return s
    var cut = s.slice(0, end)
    if (OUT_ATOM.test(s.charAt(end)) && OUT_ATOM.test(cut.charAt(cut.length - 1)))
      cut = stripTrailing(cut, OUT_ATOM)
    return cut.trim()
  }

  // --- normalising --------------------------------------------------------

  var PRIVATE_USE = /[\uE000-\uF8FF]/g // the placeholders below use this range
  var LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
  var DIGIT_DASH = /(?<=\d ?)[\u2010-\u2015\u2212](?= ?\d)/g
  // Invisible format characters (zero-width spaces, BOM, bidi controls, soft
  // hyphen…), except the joiner and tags that hold emoji together.
  var FORMAT = /(?![\u200D\u{E0020}-\u{E007F}])\p{Cf}/gu
  // A zero-width joiner stays only inside an emoji sequence (👨‍👩‍👧): between
  // digits it would hide a number, and next to text masking could change.
  var STRAY_JOINER = /(?<![\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\uFE0F])\u200D|\u200D(?!\p{Extended_Pictographic})/gu
  var CONTROL = /[\u0000-\u001F\u007F-\u009F]/g

  function normalise(s) {
    s = s.replace(PRIVATE_USE, "\uFFFD").replace(LONE_SURROGATE, "\uFFFD")
    s = s.normalize("NFKC")
    s = s.replace(DIGIT_DASH, "-").replace(FORMAT, "").replace(STRAY_JOINER, "")
    return s.replace(CONTROL, " ").replace(/\s+/g, " ").trim()
  }

  // --- what is kept: dates, times, amounts ----------------------------------

  var DATE_YMD = /(?<!\d|\d[.,/_-])(?:19|20)\d{2}([-/.])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])(?!\d|[.,/_-]\d)/g
  var DATE_DMY = /(?<!\d|\d[.,/_-])(?:0?[1-9]|[12]\d|3[01])([-/.])(?:0?[1-9]|[12]\d|3[01])\1(?:19|20)\d{2}(?!\d|[.,/_-]\d)/g
  var TIME = /(?<![\d:])(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?![\d:])/g
  var NUM = "(?:\\d{1,3}(?:,\\d{3})+|\\d{1,9})"
  var CODES = "(?:RMB|CNY|HKD|TWD|NTD|USD|EUR|GBP|MOP|JPY|SGD|AUD|CAD)(?![A-Za-z])"
  // A currency before (¥1,280.00, HK$500, RMB 1280, 人民币1,280.00) or after
  // (1280元, 500 HKD); then, in a second pass, plain decimals (1,280.00, 0.6%).
  var AMOUNT = new RegExp(
    "(?:(?<![A-Za-z])(?:HK|NT|US|MOP|[SAC])\\$|[¥$€£₩₹]|(?<![A-Za-z])" + CODES +
      "|人民币|人民幣|港币|港幣|港元|新台币|新台幣|新臺幣|美元)\\s?-?" + NUM + "(?:\\.\\d{1,2})?(?!\\d|[.,]\\d)" +
    "|(?<![\\d.,/_])" + NUM + "(?:\\.\\d{1,2})?\\s?(?:元|圆|圓|块|塊|蚊|港元|港币|港幣|美元|円|" + CODES + ")", "g")
  var DECIMAL = new RegExp("(?<![\\d.,/_])" + NUM + "\\.\\d{1,2}(?!\\d|[.,]\\d)", "g")

  // --- what is masked ----------------------------------------------------------

  // No lookbehind: an address glued to the end of another must match too; at
  // 2000 code points the quadratic worst case (a long run with no @) is cheap.
  var EMAIL = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g

  function alternation(words) {
    return words.slice().sort(function (a, b) { return b.length - a.length })
      .map(function (w) { return w.replace(/[#.]/g, "\\$&").replace(/ /g, "\\s?") }).join("|")
  }
  var REF_ZH = ["交易单号", "交易單號", "交易号", "交易號", "交易编号", "交易編號", "交易流水号", "交易流水號",
    "流水号", "流水號", "订单号", "訂單號", "订单编号", "訂單編號", "订单号码", "訂單號碼", "商户单号", "商戶單號",
    "商户订单号", "商戶訂單號", "退款单号", "退款單號", "参考号", "參考號", "参考编号", "參考編號", "参考号码",
    "參考號碼", "凭证号", "憑證號", "工单号", "工單號", "案件编号", "個案編號", "单号", "單號"]
  var REF_EN = ["reference number", "reference no", "reference", "ref no", "ref", "transaction id",
    "transaction no", "transaction number", "transaction ref", "txn id", "txn no", "txn", "order id", "order no",
    "order number", "order #", "trade no", "invoice no", "invoice number", "ticket id", "ticket no",
    "ticket number", "case id", "case no", "case number", "tracking number", "confirmation number",
    "confirmation code", "booking ref"]
  var SECRET_ZH = ["验证码", "驗證碼", "校验码", "校驗碼", "动态码", "動態碼", "动态密码", "動態密碼", "短信码",
    "交易密码", "交易密碼", "支付密码", "支付密碼", "密码", "密碼"]
  var SECRET_EN = ["verification code", "security code", "one-time code", "one time code", "one-time password",
    "otp", "pin", "cvv2", "cvv", "cvc", "password", "passcode"]
  var LABEL_SEP = "[\\s:#=.]{0,3}(?:码|碼)?(?:(?:is|was)\\s|[为為是]\\s?)?[\\s:#]{0,2}"
  var LABEL_VALUE = "([0-9A-Za-z](?:[0-9A-Za-z_/]|-(?=[0-9A-Za-z]))*(?: \\d{3,}(?![0-9A-Za-z]))*)"
  function labelled(zh, en) {
    return new RegExp("(?:" + alternation(zh) + "|(?<![A-Za-z])(?:" + alternation(en) + ")(?![A-Za-z]))" +
      LABEL_SEP + LABEL_VALUE, "gi")
  }
  var SECRET_LABEL = labelled(SECRET_ZH, SECRET_EN)
  var REF_LABEL = labelled(REF_ZH, REF_EN)

  var IBAN = /(?<![0-9A-Za-z])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?(?![0-9A-Za-z])/g
  var CN_ID = /(?<!\d|\d[ -])[1-9]\d{5} ?(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]) ?\d{3}[\dXx](?![0-9A-Za-z]|[ -]\d)/g
  var CN_ID_OLD = /(?<!\d|\d[ -])[1-9]\d{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?![0-9A-Za-z]|[ -]\d)/g
  var HK_ID = /(?<![0-9A-Za-z])[A-Za-z]{1,2}\d{6} ?(?:\([0-9Aa]\)|[0-9Aa](?![0-9A-Za-z]))/g
  var MACAU_ID = /(?<![0-9A-Za-z])[1578]\d{6} ?\(\d\)/g
  var PASSPORT = /(?<![0-9A-Za-z])[A-Za-z]{1,2}\d{7,9}(?![0-9A-Za-z])/g // also Taiwan IDs, A123456789
  var MIXED = /(?<![0-9A-Za-z])[0-9A-Za-z]{10,}/g
  // Digits with single separators between them, and an area code in
  // parentheses: 4111 1111 1111 1111, +1 (202) 555-0143, 138.0013.8000.
  var RUN = /(?<!\d)(\+ ?)?(?:\(\d{1,4}\)[ -]?)?\d(?:(?:[ .,/_-]\(?|\)[ ./-]?|\()?\d)*/g

  function digitRun(match, plus) {
    var digits = match.replace(/\D/g, "")
    var n = digits.length
    if (n < 6) return match
    var groups = match.split(/\D+/).filter(Boolean).map(function (g) { return g.length })
    var shape = groups.join("-")
    var last = groups[groups.length - 1]
    if ((plus || /^00/.test(digits)) && n >= 7 && n <= 15) return "[phone]"
    if (/^(?:0086|86)?1[3-9]\d{9}$/.test(digits)) return "[phone]"
    if (/^(?:00886|886)?0?9\d{8}$/.test(digits) && n !== 9) return "[phone]"
    if (/^(?:00852|852)[2-9]\d{7}$/.test(digits)) return "[phone]"
    if (/^[235-9]\d{7}$/.test(digits) && shape === "4-4") return "[phone]"
    if (/^[48]00\d{7}$/.test(digits)) return "[phone]"
    if (/^0\d{9,11}$/.test(digits) && last >= 4 && groups.length <= 4) return "[phone]"
    if (n === 10 && shape === "3-3-4") return "[phone]"
    if (n === 7 && shape === "3-4") return "[phone]"
    if (n >= 20) return "[ref]"
    if (n >= 13) return "[card]"
    if (n >= 8) return "[account]"
    return "[number]"
  }

  var HONORIFIC = "先生|女士|小姐|太太|客户|客戶|用户|用戶|会员|會員|老师|老師|同学|同學|阁下|閣下|您"
  var GREETING_ZH = new RegExp("(尊敬的|亲爱的|親愛的) ?(\\p{sc=Han}{1,6}·\\p{sc=Han}{1,6}|\\p{sc=Han}{1,4}?)" +
    "(?=" + HONORIFIC + "|[,:;!?、。 ])", "gu")
  var NAME_LABEL_ZH = /(姓名|名字|户名|戶名|持卡人|收款人|付款人|联系人|聯絡人|聯繫人) ?: ?(\p{sc=Han}{1,6}·\p{sc=Han}{1,6}|\p{sc=Han}{2,4})/gu
  var NAME_EN = "([A-Z][A-Za-z'\u2019-]*(?: [A-Z][A-Za-z'\u2019-]*){0,2})"
  var GREETING_EN = new RegExp("(?<![A-Za-z])([Dd]ear (?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\\.? )?)" + NAME_EN, "g")
  var NAME_LABEL_EN = new RegExp("(?<![A-Za-z])((?:[Ff]ull )?[Nn]ame|Cardholder(?: name)?|Account (?:holder|name)|Payee|Recipient) ?: ?" + NAME_EN, "g")
  var GENERIC_ZH = /^(?:客户|客戶|用户|用戶|会员|會員|顾客|顧客|持卡人|先生|女士|小姐|朋友|阁下|閣下|商户|商戶|用家|客人|各位|大家|卡友|贵宾|貴賓|家长|家長|同事)$|^[您各]/u
  var GENERIC_EN = /^(?:customers?|cardholders?|sir|madam|members?|users?|valued|esteemed|clients?|team|all|colleagues?|friends?|support|partners?|merchants?|account|applicants?|guests?|subscribers?|shoppers?|travell?ers?|parents?|service|hiring|everyone|mr|mrs|ms|miss|mx|dr|prof)\.?$/i

  var TEAM = /^ (?:team|support|service|staff|customer service|help ?desk)\b/i

  function maskName(match, before, name) {
    var words = name.split(" ")
    if (GENERIC_ZH.test(name) || words.some(function (w) { return GENERIC_EN.test(w) })) return match
    return before + "[name]"
  }

  function mask(s) {
    s = s.replace(EMAIL, "[email]")

    // Dates, times and amounts are useful and not personal: set them aside
    // as placeholders no pattern below can match, and put them back last.
    var kept = []
    function keep(match) {
      if (kept.length >= 0x17FE) return match
      kept.push(match)
      return "\uE000" + String.fromCharCode(0xE001 + kept.length - 1)
    }
    s = s.replace(DATE_YMD, keep).replace(DATE_DMY, keep).replace(TIME, keep).replace(AMOUNT, keep).replace(DECIMAL, keep)

    s = s.replace(SECRET_LABEL, function (match, value) {
      return /\d/.test(value) && value.length >= 3 ? match.slice(0, match.length - value.length) + "[code]" : match
    })
    s = s.replace(REF_LABEL, function (match, value) {
      return /\d/.test(value) && value.replace(/ /g, "").length >= 4 ? match.slice(0, match.length - value.length) + "[ref]" : match
    })
    s = s.replace(IBAN, function (match) { return (match.match(/\d/g) || []).length >= 8 ? "[account]" : match })
    s = s.replace(CN_ID, "[id]").replace(CN_ID_OLD, "[id]").replace(HK_ID, "[id]").replace(MACAU_ID, "[id]")
      .replace(PASSPORT, "[id]")
    s = s.replace(MIXED, function (match) {
      return /[A-Za-z]/.test(match) && (match.match(/\d/g) || []).length >= 4 ? "[ref]" : match
    })
    s = s.replace(RUN, digitRun)
    s = s.replace(GREETING_ZH, maskName).replace(NAME_LABEL_ZH, function (match, label, name) {
      return maskName(match, match.slice(0, match.length - name.length), name)
    })
    s = s.replace(GREETING_EN, function (match, before, name, offset, whole) {
      // "Dear Acme Bank team": a company, not a person
      return TEAM.test(whole.slice(offset + match.length, offset + match.length + 20)) ? match : maskName(match, before, name)
    }).replace(NAME_LABEL_EN, function (match, label, name) {
      return maskName(match, match.slice(0, match.length - name.length), name)
    })

    return s.replace(/\uE000([\uE001-\uF7FF])/g, function (match, index) {
      return kept[index.charCodeAt(0) - 0xE001]
    })
  }

  function redact(text, maxLength) {
    var max = Number(maxLength)
    max = maxLength == null || typeof maxLength === "boolean" || !isFinite(max) || max < 0
      ? DEFAULT_MAX : Math.min(Math.floor(max), INPUT_CAP)
    if (text == null) return ""
    var s = typeof text === "string" ? text : String(text)
    s = capInput(s)
    s = capInput(normalise(s)) // NFKC can lengthen a text (㍿ is four characters)
    return capOutput(mask(s).trim(), max)
  }

  window.hcRedact = function (text, maxLength) {
    try {
      return redact(text, maxLength)
    } catch (error) {
      return ""
    }
  }
})()
