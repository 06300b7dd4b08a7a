window.kg.start();
