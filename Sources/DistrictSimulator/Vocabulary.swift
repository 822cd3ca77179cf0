/// The words the simulated district is made of: people's names, places, meeting topics,
/// courses and the reasons secretaries write down. Guandu District's streets are real; the
/// communities, branches and people are invented.
enum Words {
    static let surnames = Array("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文")
    static let givenCharacters = Array("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉凤云亮林成春海波宁辉鹏雪梅琳晓燕文斌宇浩凯欣怡佳思雨婷子俊峰丹蓉荣家庆福德永祥兴昌瑞")

    /// The streets (街道) of Guandu District, Kunming: id and name.
    static let streets: [(id: String, name: String)] = [
        ("guanshang", "关上"), ("taihe", "太和"), ("wujing", "吴井"), ("jinma", "金马"), ("xiaobanqiao", "小板桥"),
        ("guandu", "官渡"), ("yiliu", "矣六"), ("liujia", "六甲"), ("dabanqiao", "大板桥"), ("ala", "阿拉"),
    ]

    static let communityFirst = Array("金春关福世南云双和民东西北新宝兴安康盛昌永顺丰华景瑞彩鸿")
    static let communitySecond = Array("色城兴德纪窑秀桥平航华苑湖园河山林源泰宁乐康岭坝营")

    static let branchKinds: [(name: String, setting: String)] = [
        ("居民区党支部", "community"), ("居民区党支部", "community"), ("居民区党支部", "community"),
        ("退休党员党支部", "community"), ("小区党支部", "community"), ("非公企业联合党支部", "other"), ("物业企业党支部", "other"),
    ]

    static let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    static let topics: [String: [String]] = [
        "member-assembly": ["学习贯彻党的二十届四中全会精神", "讨论发展党员和预备党员转正", "通报支部半年工作", "审议支部年度工作计划"],
        "committee-meeting": ["研究本月支部工作安排", "讨论入党积极分子培养", "研究党费收缴和使用", "部署主题党日活动"],
        "group-meeting": ["学习《中国共产党章程》", "交流楼栋服务情况", "收集居民意见建议", "学习《中国共产党纪律处分条例》"],
        "party-lecture": ["书记讲党课：基层治理与为民服务", "党史专题党课", "以案促改警示教育党课", "党的创新理论专题党课"],
        "theme-day": ["社区环境整治志愿服务", "参观革命传统教育基地", "重温入党誓词", "为民办实事走访慰问"],
        "life-meeting": ["年度组织生活会：对照检查、批评与自我批评"],
        "member-review": ["年度民主评议党员"],
    ]

    static let places = ["社区党群服务中心", "社区活动室", "小区议事厅", "街道党校", "楼栋党员活动点"]
    static let courses = ["党章党规学习", "习近平新时代中国特色社会主义思想专题", "党史学习教育", "基层党建实务", "网上党校专题课程"]
    static let leaveReasons = ["出差", "生病住院", "照顾家人", "外出务工", "值班"]
    static let lateReasons = ["书记外出学习，会后补录", "会议记录本遗失后整理补录", "系统维护期间未能及时录入"]
    static let correctionReasons = ["会议地点录入有误", "会议主题录入有误"]
    static let retractionReasons = ["重复录入", "会议未实际召开，误录"]
}
