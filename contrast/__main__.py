from contrast.cli import main

raise SystemExit(main())
