package cn.fazhiduban.plan.parse;

/**
 * Traditional characters as plans from Hong Kong, Macao, Taiwan or old scans write them, mapped one
 * to one to their simplified form. Only characters that occur in unit names, annotation verbs and
 * labels (牽頭, 負責, 單位, 區, 縣 …) and in the words around them are listed: enough for the parser to
 * recognise the verbs and for unit names to resolve against the directory. Characters whose
 * traditional form is also an everyday simplified character (覆, 乾, 著 …) are left out, so that
 * simplified text is never changed.
 */
final class Traditional {

  private static final String TRADITIONAL =
      "並佈來係倉個們備傳債傷僅僑僱價儀億償優儲兒內兩冊別則創劃劇劉動務勞勵匯區協厲參吳員問啟單嗎嚴國圍園圖團執報場塊塗墾壓壟壩"
          + "壽奪奮婁婦媽嬰孫學實寧審寫寬寶將專對導屆層屬嶺嶼巖師帳幣幫幹幾庫廈廟廠廢廣廳張強彈彙後從復徵徹態慶憑憲憶應懲懷戰戲戶拋挾"
          + "掃掛採揚換損搶擁擇擊擋擔據擠擬擴擺擾攜攝敵數斷於時晉暢暫曆曉書會東條棄楊業極榮構槍樂樓標樞樣樹橋機橫檔檢權歐歡歲歷歸殘殯"
          + "殺殼氣汙決沒況洩淨測湯準溝滄滅滬滿漁漢漲漸潔潛潤澤濁濃濕濟濤濫濱瀋瀏灘灣災為無煉煙熱燈營爭爺牆牽狀猶獄獎獨獲獸獻現環產畝"
          + "畫異當疊瘧療發盡監盤盧眾睜矯確碼礎礙礦禍禦禮稅種稱穀積穩窮竊競筆節範築簡簽籌籠糧糾紀紙級紛紡紮細終組結絕絡給統絲經綜綠維"
          + "綱網緊緒線編緩練縣縮總績織繪繼續罰罷羅義習聖聞聯聲職聽肅脅脫腦腳膚膠膽臨臺與興舉舊艦艱華萬葉蔣蕭藍藝藥蘇蘭處號蟲蠶衆術衛"
          + "補裝製複襲見規視親覺覽觀訂計訊討訓記訟訪設許訴診評詞詢試話詳誌認語誠誤說課調談請論諮諾謀謂講謝謹證識譚譯議護讀變讓豐貝負"
          + "財貧貨販貫責貴買貸費貼貿資賓賞賠賣賦質賬購賽贊贏趕趙跡踐車軌軍軟較載輔輕輛輪輯輸轄轉辦辭農這連週進遊運過達違遞遠適遷選遺"
          + "遼還邊邏郵鄉鄒鄧鄭鄰醜醫釋針銀銅銷鋁鋅鋒鋼錄錢錫錯鍵鎖鎮鏈鐵鑄鑒長門閉開閒間閣閱閻闊闖關闡陝陣陰陳陸陽隊階際隨險隱隸雖雙"
          + "雜雞離難雲電靈靜鞏韓響頁頂項順須預頒領頭頻題額願類顧顯風飛飯飼飾養餘館馬駕駛騎驅驗驚髒體鬧魚魯鮮鳥鳳鹽麗麥黃點黨齊齒齡龍"
          + "龐龜";
  private static final String SIMPLIFIED =
      "并布来系仓个们备传债伤仅侨雇价仪亿偿优储儿内两册别则创划剧刘动务劳励汇区协厉参吴员问启单吗严国围园图团执报场块涂垦压垄坝"
          + "寿夺奋娄妇妈婴孙学实宁审写宽宝将专对导届层属岭屿岩师帐币帮干几库厦庙厂废广厅张强弹汇后从复征彻态庆凭宪忆应惩怀战戏户抛挟"
          + "扫挂采扬换损抢拥择击挡担据挤拟扩摆扰携摄敌数断于时晋畅暂历晓书会东条弃杨业极荣构枪乐楼标枢样树桥机横档检权欧欢岁历归残殡"
          + "杀壳气污决没况泄净测汤准沟沧灭沪满渔汉涨渐洁潜润泽浊浓湿济涛滥滨沈浏滩湾灾为无炼烟热灯营争爷墙牵状犹狱奖独获兽献现环产亩"
          + "画异当叠疟疗发尽监盘卢众睁矫确码础碍矿祸御礼税种称谷积稳穷窃竞笔节范筑简签筹笼粮纠纪纸级纷纺扎细终组结绝络给统丝经综绿维"
          + "纲网紧绪线编缓练县缩总绩织绘继续罚罢罗义习圣闻联声职听肃胁脱脑脚肤胶胆临台与兴举旧舰艰华万叶蒋萧蓝艺药苏兰处号虫蚕众术卫"
          + "补装制复袭见规视亲觉览观订计讯讨训记讼访设许诉诊评词询试话详志认语诚误说课调谈请论咨诺谋谓讲谢谨证识谭译议护读变让丰贝负"
          + "财贫货贩贯责贵买贷费贴贸资宾赏赔卖赋质账购赛赞赢赶赵迹践车轨军软较载辅轻辆轮辑输辖转办辞农这连周进游运过达违递远适迁选遗"
          + "辽还边逻邮乡邹邓郑邻丑医释针银铜销铝锌锋钢录钱锡错键锁镇链铁铸鉴长门闭开闲间阁阅阎阔闯关阐陕阵阴陈陆阳队阶际随险隐隶虽双"
          + "杂鸡离难云电灵静巩韩响页顶项顺须预颁领头频题额愿类顾显风飞饭饲饰养余馆马驾驶骑驱验惊脏体闹鱼鲁鲜鸟凤盐丽麦黄点党齐齿龄龙"
          + "庞龟";

  private static final char[] MAP = new char[0x10000];

  static {
    if (TRADITIONAL.length() != SIMPLIFIED.length()) {
      throw new IllegalStateException("traditional and simplified lists differ in length");
    }
    for (int i = 0; i < TRADITIONAL.length(); i++) {
      MAP[TRADITIONAL.charAt(i)] = SIMPLIFIED.charAt(i);
    }
  }

  private Traditional() {}

  /** How many characters of {@code s} are traditional ones that this map knows. */
  static int count(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (MAP[s.charAt(i)] != 0) {
        n++;
      }
    }
    return n;
  }

  /** {@code s} with every known traditional character replaced; same length, same line breaks. */
  static String simplify(String s) {
    char[] chars = s.toCharArray();
    boolean changed = false;
    for (int i = 0; i < chars.length; i++) {
      char simple = MAP[chars[i]];
      if (simple != 0) {
        chars[i] = simple;
        changed = true;
      }
    }
    return changed ? new String(chars) : s;
  }
}
